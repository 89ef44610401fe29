import { request as httpRequest } from 'node:http';

/** The demo customer every suite signs in as (seeded by core-api). */
export const DEMO_CUSTOMER = { email: 'ada@example.com', password: 'storefront-demo-ada' };

/** Signs the demo customer in at web-bff and returns the `Cookie` header of the session. */
export async function webSessionCookie(webUrl: string): Promise<string> {
  const res = await fetch(`${webUrl}/api/session`, {
    method: 'POST',
    headers: { 'x-csrf': '1', 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_CUSTOMER),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-session='));
  if (res.status !== 201 || !cookie) throw new Error(`web sign-in answered ${res.status}`);
  return cookie.split(';')[0] ?? '';
}

/** Signs the demo customer in at mobile-bff and returns its tokens. */
export async function mobileTokens(
  mobileUrl: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await fetch(`${mobileUrl}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_CUSTOMER),
  });
  if (res.status !== 200) throw new Error(`mobile sign-in answered ${res.status}`);
  return (await res.json()) as { accessToken: string; refreshToken: string };
}

/** Any method, TRACE included (fetch() refuses it), answered as a fetch Response. */
export function send(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method, headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = Object.entries(res.headers).flatMap(
          ([name, value]): Array<[string, string]> =>
            value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
        );
        const status = res.statusCode ?? 0;
        const body =
          init.method === 'HEAD' || status === 204 || status === 304 ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status, headers }));
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
