import { body, startTestApp, TestApp } from '../testing/test-app';

describe('customers over HTTP', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const verify = (email: string, password: string) =>
    api.call('/auth/verify', { method: 'POST', json: { email, password } });

  it('verifies a demo customer’s credentials (e-mail case does not matter)', async () => {
    const res = await verify('Ada@Example.com', 'storefront-demo-ada');
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({
      customer: { id: 1, email: 'ada@example.com', displayName: 'Ada' },
    });
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const wrong = await verify('ada@example.com', 'nope');
    const unknown = await verify('nobody@example.com', 'nope');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(await body<Record<string, unknown>>(wrong))).toEqual(
      strip(await body<Record<string, unknown>>(unknown)),
    );
  });

  it('never stores or returns the password', async () => {
    const res = await api.call('/customers/me', { customerId: 2 });
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ id: 2, email: 'grace@example.com', displayName: 'Grace' });
    expect(body).not.toMatch(/password|scrypt/i);
  });
});
