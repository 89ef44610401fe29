import { request as httpRequest } from 'node:http';

export { DEMO_CUSTOMER, mobileTokens, webSessionCookie } from './identity';

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
