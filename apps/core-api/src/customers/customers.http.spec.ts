import { DEMO_CUSTOMERS } from '@bff/demo-customers';
import { eq } from 'drizzle-orm';
import { customers } from '../database/schema';
import { body, startTestApp, TestApp } from '../testing/test-app';

describe('customers over HTTP', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const [ada, grace] = DEMO_CUSTOMERS as [
    (typeof DEMO_CUSTOMERS)[number],
    (typeof DEMO_CUSTOMERS)[number],
  ];
  const link = (json: Record<string, unknown>) =>
    api.call('/customers/link', { method: 'POST', json });

  it("finds a demo customer by the development provider's subject", async () => {
    const res = await link({
      subject: ada.subject,
      email: ada.email,
      displayName: 'Ada',
      emailVerified: true,
    });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ id: 1, email: 'ada@example.com', displayName: 'Ada' });
  });

  it('creates a customer for a subject it has not seen, once, however many sign-ins race', async () => {
    const first = {
      subject: 'auth0|new-1',
      email: 'New@Example.com',
      displayName: 'New',
      emailVerified: false,
    };
    const answers = await Promise.all([link(first), link(first), link(first)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const customers = await Promise.all(answers.map((a) => body<{ id: number; email: string }>(a)));
    expect(new Set(customers.map((c) => c.id)).size).toBe(1);
    expect(customers[0]!.email).toBe('new@example.com');
  });

  it('follows the provider when the e-mail address or name changes', async () => {
    const subject = 'kc-renamed';
    await link({
      subject,
      email: 'before@example.com',
      displayName: 'Before',
      emailVerified: true,
    });
    const res = await link({
      subject,
      email: 'after@example.com',
      displayName: 'After',
      emailVerified: true,
    });
    expect(await body(res)).toMatchObject({ email: 'after@example.com', displayName: 'After' });
  });

  it('refuses an address that belongs to another subject with 409, changing nothing', async () => {
    const res = await link({
      subject: 'someone-else',
      email: grace.email,
      displayName: 'Mallory',
      emailVerified: true,
    });
    expect(res.status).toBe(409);
    expect(await body(res)).toMatchObject({ code: 'email_taken' });
    const me = await api.call('/customers/me', { customerId: 2 });
    expect(await body(me)).toEqual({ id: 2, email: 'grace@example.com', displayName: 'Grace' });
  });

  it('links a customer who never signed in at the provider only by a verified address', async () => {
    // A customer from before sign-in moved to the provider: no subject yet.
    const [legacy] = await api.db.db
      .insert(customers)
      .values({ email: 'legacy@example.com', displayName: 'Legacy' })
      .returning();
    const claim = { subject: 'new-sub', email: 'legacy@example.com', displayName: 'L' };
    const unverified = await link({ ...claim, emailVerified: false });
    expect(unverified.status).toBe(409);
    expect(await body(unverified)).toMatchObject({ code: 'email_not_verified' });
    const verified = await link({ ...claim, emailVerified: true });
    expect(await body(verified)).toMatchObject({ id: legacy!.id, email: 'legacy@example.com' });
    const [row] = await api.db.db.select().from(customers).where(eq(customers.id, legacy!.id));
    expect(row?.subject).toBe('new-sub');
  });

  it('accepts no password and never returns one', async () => {
    const res = await link({
      subject: 'p',
      email: 'p@example.com',
      displayName: 'P',
      emailVerified: true,
      password: 'x',
    });
    expect(res.status).toBe(400);
    const me = await api.call('/customers/me', { customerId: 2 });
    expect(await me.text()).not.toMatch(/password|scrypt|subject/i);
  });
});
