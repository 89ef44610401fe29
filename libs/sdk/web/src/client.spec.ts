import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebBffClient, isProblem, problemOf, WebBffProblemError } from './index';

// A real HTTP server stands in for web-bff: it records what the client sends and answers as
// web-bff does (JSON pages, problem+json errors).
let server: Server;
let baseUrl: string;
const seen: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders; body: string }> =
  [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === '/api/pages/product/99999') {
        res.writeHead(404, { 'content-type': 'application/problem+json' });
        res.end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            code: 'product_not_found',
            requestId: 'r1',
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (seen.length = 0));

describe('createWebBffClient', () => {
  it('sends X-CSRF on reads and writes, and a JSON body on writes', async () => {
    const client = createWebBffClient({ baseUrl });
    await client.GET('/api/pages/home');
    await client.PUT('/api/cart/items/{productId}', {
      params: { path: { productId: 7 } },
      body: { quantity: 2 },
    });
    expect(seen.map((s) => [s.method, s.url, s.headers['x-csrf']])).toEqual([
      ['GET', '/api/pages/home', '1'],
      ['PUT', '/api/cart/items/7', '1'],
    ]);
    expect(seen[1]!.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(seen[1]!.body)).toEqual({ quantity: 2 });
  });

  it('asks for same-origin credentials', async () => {
    const requests: Request[] = [];
    const client = createWebBffClient({
      baseUrl,
      fetch: (request) => {
        requests.push(request);
        return fetch(request);
      },
    });
    await client.GET('/bff/user');
    expect(requests[0]!.credentials).toBe('same-origin');
  });

  it('gives a problem+json answer as a typed error', async () => {
    const client = createWebBffClient({ baseUrl });
    const { data, error, response } = await client.GET('/api/pages/product/{id}', {
      params: { path: { id: 99999 } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(isProblem(error)).toBe(true);
    const problem = problemOf(error, response.status);
    expect(problem.code).toBe('product_not_found');
    expect(new WebBffProblemError(problem).message).toBe('Not Found (404)');
  });

  it('makes a minimal problem of a body that is none', () => {
    expect(isProblem('<html>')).toBe(false);
    expect(problemOf('<html>', 502)).toMatchObject({ status: 502, title: 'Request failed' });
  });
});
