import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMobileBffClient, isAppUpdateRequired, problemOf, REVALIDATED_HEADER } from './index';

// A real HTTP server answers as mobile-bff does: an ETag on each screen, 304 to a matching
// If-None-Match, 426 below a minimum app version.
let server: Server;
let baseUrl: string;
let home = { version: 1 };
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.headers['x-app-version'] === '0.9.0') {
      res.writeHead(426, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'https://bff-platform.dev/problems/app-update-required',
          title: 'Update the app',
          status: 426,
          code: 'app_update_required',
          requestId: 'r1',
          minimumVersion: '1.0.0',
        }),
      );
      return;
    }
    const body = JSON.stringify(home);
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag, 'cache-control': 'no-cache' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
  home = { version: 1 };
});

describe('createMobileBffClient', () => {
  it('sends the bearer token of the moment and X-App-Version', async () => {
    let token = 'first';
    const client = createMobileBffClient({ baseUrl, appVersion: '1.4.2', token: () => token });
    await client.GET('/v2/screens/cart');
    token = 'second';
    await client.GET('/v2/screens/orders');
    expect(seen.map((h) => [h.authorization, h['x-app-version']])).toEqual([
      ['Bearer first', '1.4.2'],
      ['Bearer second', '1.4.2'],
    ]);
  });

  it('sends no Authorization without a token', async () => {
    const client = createMobileBffClient({ baseUrl, appVersion: '1.4.2' });
    await client.GET('/v2/screens/home');
    expect(seen[0]!.authorization).toBeUndefined();
  });

  it('revalidates a screen with If-None-Match and serves its copy on 304', async () => {
    const client = createMobileBffClient({ baseUrl, appVersion: '1.4.2' });
    const first = await client.GET('/v2/screens/home');
    const second = await client.GET('/v2/screens/home');
    expect(seen[0]!['if-none-match']).toBeUndefined();
    expect(seen[1]!['if-none-match']).toBe(first.response.headers.get('etag'));
    expect(first.response.headers.get(REVALIDATED_HEADER)).toBeNull();
    expect(second.response.status).toBe(200);
    expect(second.response.headers.get(REVALIDATED_HEADER)).toBe('304');
    expect(second.data).toEqual(first.data);

    home = { version: 2 }; // the screen changed: a fresh 200, and the cache follows it
    const third = await client.GET('/v2/screens/home');
    expect(third.response.headers.get(REVALIDATED_HEADER)).toBeNull();
    expect(third.data).toEqual({ version: 2 });

    client.clearCache();
    await client.GET('/v2/screens/home');
    expect(seen[3]!['if-none-match']).toBeUndefined();
  });

  it('gives an old app version the typed 426', async () => {
    const client = createMobileBffClient({ baseUrl, appVersion: '0.9.0' });
    const { error, response } = await client.GET('/v2/screens/home');
    expect(response.status).toBe(426);
    expect(isAppUpdateRequired(error)).toBe(true);
    if (isAppUpdateRequired(error)) expect(error.minimumVersion).toBe('1.0.0');
    expect(isAppUpdateRequired(problemOf({ status: 404, title: 'Not Found' }, 404))).toBe(false);
  });
});
