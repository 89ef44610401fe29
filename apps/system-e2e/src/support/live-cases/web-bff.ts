import { OidcUserAgent } from '@bff/platform-auth/testing';
import { importJWK, type JWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CUSTOMER, SECOND_CUSTOMER } from '../identity';
import type { LiveContext } from '../live-context';
import { inStock } from './core-api';
import type { Exchanged } from '../live-exchange';

const GET = (path: string) => ({ method: 'GET', path });

/** The `name=value` pairs an answer's Set-Cookie lines set, as a Cookie header. */
const cookiesOf = (answer: Exchanged): string =>
  answer.headers
    .filter(([n]) => n.toLowerCase() === 'set-cookie')
    .map(([, v]) => v.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ');

/**
 * A browser's sign-in, every step at web-bff held to its document: /bff/login (302 to the
 * provider, the login transaction's cookie), the provider's pages, the callback (303, the session
 * cookie). Returns the session's Cookie header and the callback's URL (for a replay).
 */
async function signIn(ctx: LiveContext, account = DEMO_CUSTOMER) {
  const login = await ctx.web(GET('/bff/login?returnTo=/'), 302, { cookie: false, csrf: false });
  const location = login.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? '';
  const callback = new URL(await new OidcUserAgent().signIn(location, account));
  const back = await ctx.web(GET(`${callback.pathname}${callback.search}`), 303, {
    cookie: cookiesOf(login),
    csrf: false,
  });
  return { cookie: cookiesOf(back), callback: `${callback.pathname}${callback.search}` };
}

/** A logout token as the provider signs one (its first key, from the shared keys folder). */
async function logoutToken(ctx: LiveContext, claims: Record<string, unknown>): Promise<string> {
  const file = join(ctx.started.keysDir, 'dev-identity.jwks.json');
  const jwk = (JSON.parse(readFileSync(file, 'utf8')) as { keys: JWK[] }).keys[0];
  if (!jwk) throw new Error(`${file} holds no key`);
  const alg = jwk.alg ?? 'ES256';
  return new SignJWT({
    events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    ...claims,
  })
    .setProtectedHeader({ alg, kid: jwk.kid, typ: 'logout+jwt' })
    .setIssuer(ctx.started.identity.issuer)
    .setAudience('web-bff')
    .setIssuedAt()
    .setJti(randomUUID())
    .sign(await importJWK(jwk, alg));
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** web-bff's operations on their normal paths, and the errors only they can give. */
export function webBffCases(ctx: LiveContext): void {
  const { web } = ctx;

  it('operational routes', async () => {
    await web(GET('/metrics'), 200, { cookie: false, csrf: false });
    await web(GET('/health/live'), 200, { cookie: false, csrf: false });
    await web(GET('/health/ready'), 200, { cookie: false, csrf: false });
  });

  it('signs in (302, 303), refuses a replayed callback and a foreign returnTo (400)', async () => {
    const { cookie, callback } = await signIn(ctx);
    await web(GET('/bff/user'), 200, { cookie });
    await web(GET(callback), 400, { cookie: false, csrf: false });
    await web(GET('/bff/login?returnTo=https%3A%2F%2Fevil.example%2F'), 400, {
      cookie: false,
      csrf: false,
    });
  });

  it('the session: signed in, signed out, without the CSRF header (403)', async () => {
    await web(GET('/bff/user'), 200);
    await web(GET('/bff/user'), 200, { cookie: false });
    await web(GET('/bff/user'), 403, { csrf: false });
  });

  it('signs out here (200), everywhere (200, then 401 without a session)', async () => {
    const one = await signIn(ctx, SECOND_CUSTOMER);
    await web({ method: 'POST', path: '/bff/logout' }, 200, { cookie: one.cookie });
    await web({ method: 'POST', path: '/bff/logout' }, 403, { cookie: one.cookie, csrf: false });
    const two = await signIn(ctx, SECOND_CUSTOMER);
    await web({ method: 'POST', path: '/bff/sign-out-everywhere' }, 200, { cookie: two.cookie });
    // The ended session's cookie: 401, and the cookie cleared.
    const ended = await web(GET('/api/pages/cart'), 401, { cookie: two.cookie });
    expect(ended.headers.find(([n]) => n.toLowerCase() === 'set-cookie')?.[1]).toMatch(
      /^__Host-session=;/,
    );
    await web({ method: 'POST', path: '/bff/sign-out-everywhere' }, 401, { cookie: false });
  });

  it("the provider's back-channel logout: a valid token (200), a forged one (400)", async () => {
    const form = (token: string) => ({
      method: 'POST',
      path: '/bff/backchannel-logout',
      headers: FORM,
      body: `logout_token=${encodeURIComponent(token)}`,
    });
    const token = await logoutToken(ctx, { sub: 'nobody-signed-in' });
    await web(form(token), 200, { cookie: false, csrf: false });
    await web(form(token), 400, { cookie: false, csrf: false }); // replayed jti
    await web(form('not-a-jwt'), 400, { cookie: false, csrf: false });
  });

  it('pages, found and not found, and the CSRF header required (403)', async () => {
    const home = await web(GET('/api/pages/home'), 200);
    const slug = home.json().categories[0].slug;
    await web(GET('/api/pages/home'), 403, { csrf: false });
    await web(GET(`/api/pages/category/${slug}?limit=2&sort=price_asc`), 200);
    await web(GET('/api/pages/category/no-such-category'), 404);
    await web(GET('/api/pages/product/3'), 200);
    await web(GET('/api/pages/product/999999'), 404);
    await web(GET('/media/products/3/320.svg'), 200, { cookie: false, csrf: false });
    await web(GET('/media/products/999999/320.svg'), 404, { cookie: false, csrf: false });
    await web(GET('/media/products/3/321.svg'), 404, { cookie: false, csrf: false });
  });

  it('the cart: set, add, a line over the limit (409), remove, unknown product (404)', async () => {
    const [, , one, two] = await inStock(ctx);
    await web({ method: 'PUT', path: `/api/cart/items/${one}`, body: { quantity: 2 } }, 200);
    await web({ method: 'POST', path: `/api/cart/items/${one}`, body: { quantity: 1 } }, 200);
    await web({ method: 'POST', path: `/api/cart/items/${one}`, body: { quantity: 99 } }, 409);
    await web({ method: 'PUT', path: '/api/cart/items/999999', body: { quantity: 1 } }, 404);
    await web({ method: 'POST', path: '/api/cart/items/999999', body: { quantity: 1 } }, 404);
    await web({ method: 'PUT', path: `/api/cart/items/${two}`, body: { quantity: 1 } }, 200);
    await web({ method: 'DELETE', path: `/api/cart/items/${two}` }, 200);
    await web(GET('/api/pages/cart'), 200);
  });

  it('checkout once per key (201), a reused key (422), an empty cart (409), the orders', async () => {
    const checkout = (key: string, shipping = 'standard') => ({
      method: 'POST',
      path: '/api/checkout',
      headers: { 'idempotency-key': key },
      body: { shipping },
    });
    const placed = await web(checkout('live-web-1'), 201);
    await web(checkout('live-web-1'), 201);
    await web(checkout('live-web-1', 'express'), 422);
    await web(checkout('live-web-2'), 409);
    await web(GET('/api/pages/orders?limit=5'), 200);
    await web(GET(`/api/pages/orders/${placed.json().id}`), 200);
    await web(GET('/api/pages/orders/999999'), 404);
  });
}
