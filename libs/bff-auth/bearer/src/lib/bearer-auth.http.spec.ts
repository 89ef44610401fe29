// The resource server on its own, over real HTTP: a tiny Nest app with one personal route behind
// `@RequiresSignIn()`, a test issuer (a real discovery + JWKS server) and the fake core-api. The
// BFF here is partner-bff, so no other BFF's name can hide in the lib. The BFFs' own specs run the
// same guard against the real development provider.
import { ADA, GRACE, RecordedCall } from '@bff/core-client/testing';
import { expectProblem } from '@bff/platform-bootstrap/testing';
import { generateKeyPair, JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { createServer } from 'node:net';
import { SERVICE, useBearerApp } from '../testing/bearer-test-app';
import { ADA_ACCOUNT, GRACE_ACCOUNT } from '../testing/test-issuer';

const CHALLENGE = `Bearer realm="${SERVICE}", error="invalid_token"`;
const linkCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === 'POST' && c.url === '/customers/link');
const now = () => Math.floor(Date.now() / 1000);

describe('a BFF as a resource server (test issuer over HTTP, fake core-api)', () => {
  const bff = useBearerApp({ jwksCooldownMs: 600_000 });
  /** Ada's claims as the provider writes them, `claims` on top. */
  const adaClaims = (claims: JWTPayload = {}) => ({
    sub: ADA_ACCOUNT.subject,
    email: ADA_ACCOUNT.email,
    email_verified: true,
    name: ADA_ACCOUNT.displayName,
    ...claims,
  });

  it("hands the handler the core-api customer of the token's subject, linked once, not on every request", async () => {
    const token = await bff.issuer.tokenFor(ADA_ACCOUNT);
    for (let i = 0; i < 5; i++) {
      const res = await bff.me(token);
      expect({ status: res.status, body: await res.json() }).toEqual({
        status: 200,
        body: { customerId: ADA.customer.id },
      });
    }
    const links = linkCalls(bff.core.calls);
    expect(links).toHaveLength(1);
    expect(JSON.parse(links[0]?.body ?? '{}')).toEqual({
      subject: ADA_ACCOUNT.subject,
      email: ADA_ACCOUNT.email,
      displayName: ADA_ACCOUNT.displayName,
      emailVerified: true,
    });
  });

  it.each<[string, () => Promise<string | undefined>]>([
    ['missing', async () => undefined],
    ['not a JWT', async () => 'not-a-token'],
    ['for another audience', () => bff.issuer.sign(adaClaims({ aud: 'storefront-app' }))],
    ['from another issuer', () => bff.issuer.sign(adaClaims({ iss: 'http://127.0.0.1:1/' }))],
    ['expired', () => bff.issuer.sign(adaClaims({ iat: now() - 900, exp: now() - 60 }))],
    ['not yet valid', () => bff.issuer.sign(adaClaims({ nbf: now() + 300 }))],
    ['without a subject', () => bff.issuer.sign(adaClaims({ sub: '' }))],
    [
      'unsigned (alg: none)',
      async () =>
        new UnsecuredJWT(adaClaims())
          .setIssuer(bff.issuer.url)
          .setAudience(SERVICE)
          .setExpirationTime('5m')
          .encode(),
    ],
    [
      "HS256 with the provider's public JWK as the secret (key confusion)",
      async () => {
        const jwks = await (await fetch(`${bff.issuer.url}/jwks`)).text();
        return new SignJWT(adaClaims())
          .setProtectedHeader({ alg: 'HS256', kid: 'test-issuer-1' })
          .setIssuer(bff.issuer.url)
          .setAudience(SERVICE)
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(jwks));
      },
    ],
  ])(
    'refuses a token %s with 401 invalid_token and the challenge naming the BFF',
    async (_, make) => {
      const res = await bff.me(await make());
      expect(res.headers.get('www-authenticate')).toBe(CHALLENGE);
      await expectProblem(res, 401, 'invalid_token');
      expect(linkCalls(bff.core.calls)).toEqual([]);
    },
  );

  it('answers 403 email_claim_required, naming the BFF, to the first token of a subject without an email claim', async () => {
    const problem = await expectProblem(
      bff.me(await bff.issuer.sign({ sub: 'no-email-subject', name: 'Nobody' })),
      403,
      'email_claim_required',
    );
    expect(problem.detail).toContain(`access tokens it issues for ${SERVICE}.`);
    expect(linkCalls(bff.core.calls)).toEqual([]);
  });

  it('serves a known subject whose later tokens carry no email claim', async () => {
    expect((await bff.me(await bff.issuer.tokenFor(GRACE_ACCOUNT))).status).toBe(200);
    const res = await bff.me(await bff.issuer.sign({ sub: GRACE_ACCOUNT.subject }));
    expect(await res.json()).toEqual({ customerId: GRACE.customer.id });
  });

  it('refetches the JWKS at most once per cooldown however many unknown keys are tried', async () => {
    expect((await bff.me(await bff.issuer.tokenFor())).status).toBe(200); // keys fetched
    const before = bff.issuer.jwksFetches;
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        new SignJWT(adaClaims())
          .setProtectedHeader({ alg: 'ES256', kid: `attacker-${i}` })
          .setIssuer(bff.issuer.url)
          .setAudience(SERVICE)
          .setExpirationTime('5m')
          .sign(privateKey),
      ),
    );
    const answers = await Promise.all(forged.map((token) => bff.me(token)));
    for (const res of answers) await expectProblem(res, 401, 'invalid_token');
    expect(bff.issuer.jwksFetches - before).toBeLessThanOrEqual(1);
  });
});

describe('a BFF that accepts only the algorithms it is configured with', () => {
  const bff = useBearerApp({ algorithms: ['RS256'] });

  it("refuses the provider's ES256 token with 401 when only RS256 is allowed", async () => {
    const res = await bff.me(await bff.issuer.tokenFor());
    expect(res.headers.get('www-authenticate')).toBe(CHALLENGE);
    await expectProblem(res, 401, 'invalid_token');
  });
});

describe('a BFF while the identity provider cannot be reached', () => {
  let closedPort = 0;
  beforeAll(async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closedPort = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
  });
  const bff = useBearerApp({ issuer: () => `http://127.0.0.1:${closedPort}` });

  it('starts, serves public routes, and answers personal ones 503, not 401 or 500', async () => {
    expect((await fetch(`${bff.url}/catalog`)).status).toBe(200);
    const res = await bff.me(await bff.issuer.tokenFor());
    await expectProblem(res, 503, 'identity_provider_unavailable');
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(bff.core.calls.filter((c) => c.url === '/customers/link')).toEqual([]);
  });
});
