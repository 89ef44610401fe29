import fc from 'fast-check';
import axios, { AxiosError, InternalAxiosRequestConfig } from 'axios';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { targetOf, undiciAdapter } from './undici-adapter';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

describe('undiciAdapter (over real HTTP)', () => {
  let server: Server;
  let pool: Pool;
  let handler: Handler;
  let connections = 0;
  let baseURL: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => handler(req, res, body));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pool = new Pool(baseURL, { connections: 4 });
  });
  afterAll(async () => {
    await pool.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = (extra = {}) => axios.create({ baseURL, adapter: undiciAdapter(pool), ...extra });

  it('sends method, path, query and headers and parses a JSON answer', async () => {
    handler = (req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, url: req.url, who: req.headers['x-caller'] }));
    };
    const res = await client().get('/products/1', {
      params: { limit: 3, cursor: 'a b' },
      headers: { 'x-caller': 'web-bff' },
    });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      method: 'GET',
      url: '/products/1?limit=3&cursor=a+b',
      who: 'web-bff',
    });
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('sends a JSON body on POST', async () => {
    handler = (req, res, body) =>
      res.end(JSON.stringify({ type: req.headers['content-type'], body: JSON.parse(body) }));
    const res = await client().post('/orders', { quantity: 2 });
    expect(res.data).toEqual({ type: 'application/json', body: { quantity: 2 } });
  });

  it('rejects a non-2xx answer with an AxiosError carrying the response', async () => {
    handler = (_req, res) => {
      res.statusCode = 404;
      res.setHeader('content-type', 'application/problem+json');
      res.end(JSON.stringify({ status: 404, code: 'product_not_found' }));
    };
    const error = await client()
      .get('/products/9')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).response?.status).toBe(404);
    expect((error as AxiosError).response?.data).toEqual({
      status: 404,
      code: 'product_not_found',
    });
  });

  it('times out a hanging server with ETIMEDOUT within the configured time', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const error = (await client({ timeout: 150 })
      .get('/slow')
      .catch((e: unknown) => e)) as AxiosError;
    expect(error.code).toBe(AxiosError.ETIMEDOUT);
    // Without the timeout the call would hang for good; 5 s leaves a loaded machine room.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a response larger than maxContentLength', async () => {
    handler = (_req, res) => res.end('x'.repeat(10_000));
    const error = (await client({ maxContentLength: 1000 })
      .get('/big')
      .catch((e: unknown) => e)) as AxiosError;
    expect(error.code).toBe(AxiosError.ERR_BAD_RESPONSE);
    expect(error.message).toMatch(/maxContentLength/);
  });

  it('refuses a streamed (chunked) response once it passes maxContentLength, and reads one below it', async () => {
    handler = (req, res) => {
      const pieces = req.url === '/big' ? 20 : 2;
      for (let i = 0; i < pieces; i++) res.write(`"${'x'.repeat(98)}"`.slice(0, 100));
      res.end();
    };
    const error = (await client({ maxContentLength: 1000 })
      .get('/big')
      .catch((e: unknown) => e)) as AxiosError;
    expect(error.code).toBe(AxiosError.ERR_BAD_RESPONSE);
    expect(error.message).toMatch(/maxContentLength/);
    const small = await client({ maxContentLength: 1000, responseType: 'text' }).get('/small');
    expect(String(small.data)).toHaveLength(200);
  });

  it('reports a refused connection as a network error', async () => {
    const closed = new Pool('http://127.0.0.1:9', { connections: 1 });
    const error = (await axios
      .create({ adapter: undiciAdapter(closed) })
      .get('http://127.0.0.1:9/x')
      .catch((e: unknown) => e)) as AxiosError;
    expect(error).toBeInstanceOf(AxiosError);
    expect(error.code).toBe('ECONNREFUSED');
    await closed.close();
  });

  it('reuses keep-alive connections instead of opening one per request', async () => {
    handler = (_req, res) => res.end('{}');
    const before = connections;
    for (let i = 0; i < 20; i++) await client().get('/ping');
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('builds exactly the URL axios would, for any scalar params (property test)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(undefined),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('http://127.0.0.1:3000', 'http://core-api:3000/', 'http://core:3000/base'),
        fc.oneof(
          fc.constantFrom(
            '/products',
            'products/7/reviews',
            '/orders?x=1',
            '/reviews/summaries',
            '/a/../b',
            './c',
            '/categories/home-garden/facets',
          ),
          fc.string({ maxLength: 12 }),
        ),
        // Names are core-api's parameter names (identifiers); values are anything a caller passes.
        fc.dictionary(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,7}$/), value, { maxKeys: 4 }),
        (baseURL, url, params) => {
          const config = {
            baseURL,
            url,
            params,
            headers: {},
          } as unknown as InternalAxiosRequestConfig;
          // Inputs axios itself cannot turn into a URL (e.g. '//') fail the same way on both paths.
          fc.pre(URL.canParse(axios.getUri(config)));
          const expected = new URL(axios.getUri(config));
          expect(targetOf(config)).toEqual({
            origin: expected.origin,
            path: expected.pathname + expected.search,
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves params it does not join itself (arrays, objects, URLSearchParams) to axios’s encoding', () => {
    for (const params of [
      { ids: [1, 2] },
      { filter: { brand: 'Fjord' } },
      new URLSearchParams({ ids: '1,2', q: 'a b' }),
    ]) {
      const config = {
        baseURL: 'http://127.0.0.1:3000',
        url: '/products',
        params,
        headers: {},
      } as unknown as InternalAxiosRequestConfig;
      const expected = new URL(axios.getUri(config));
      expect(targetOf(config)).toEqual({
        origin: expected.origin,
        path: expected.pathname + expected.search,
      });
      expect(expected.search).not.toBe('');
    }
  });
});
