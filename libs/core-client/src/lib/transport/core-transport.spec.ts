import { startTracing, Tracing } from '@bff/platform-tracing';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { Pool } from 'undici';
import { json, StubCoreApi, StubHandler } from '../../testing/stub-server';
import { CoreApiWatch, WatchLog } from '../watch/core-api-watch';
import { CoreTransport, CoreTransportOptions } from './core-transport';
import { DownstreamFailure } from './downstream-failure';

const TOKEN = 'Bearer service-token';
/** A signal that never fires, for attempts that are not about timing. */
const NEVER = new AbortController().signal;

const failureOf = (attempt: Promise<unknown>): Promise<DownstreamFailure> =>
  attempt.then(
    (value) => {
      throw new Error(`expected a DownstreamFailure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => {
      if (error instanceof DownstreamFailure) return error;
      throw error;
    },
  );

/** Answers what it received: method, URL, headers and body text. */
const echo: StubHandler = (req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () =>
    json(res, 200, { method: req.method, url: req.url, headers: req.headers, body }),
  );
};

describe('CoreTransport (over real HTTP on 127.0.0.1)', () => {
  const stub = new StubCoreApi();
  const pools: Pool[] = [];
  beforeAll(() => stub.start());
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.destroy()));
    await stub.stop();
  });

  const transport = (options: Partial<CoreTransportOptions> = {}, connections = 4) => {
    const pool = new Pool(stub.url, { connections });
    pools.push(pool);
    return new CoreTransport(pool, {
      baseUrl: stub.url,
      userAgent: 'test-bff (core-client)',
      ...options,
    });
  };

  it('sends method, path, query and its headers, and answers the parsed JSON body', async () => {
    stub.handler = echo;
    const answer = await transport().send(
      { method: 'GET', path: '/products', query: { q: 'a b', limit: 3, cursor: undefined } },
      NEVER,
      TOKEN,
    );
    expect(answer).toMatchObject({
      method: 'GET',
      url: '/products?q=a+b&limit=3',
      headers: {
        accept: 'application/json',
        'user-agent': 'test-bff (core-client)',
        authorization: TOKEN,
      },
      body: '',
    });
    expect(answer).not.toHaveProperty('headers.content-type');
  });

  it('sends a JSON body and the call’s own headers, and no caller header replaces the token', async () => {
    stub.handler = echo;
    const answer = await transport().send(
      {
        method: 'POST',
        path: '/orders',
        body: { shipping: 'standard' },
        headers: { 'Idempotency-Key': 'k-1', authorization: 'Bearer forged' },
      },
      NEVER,
      TOKEN,
    );
    expect(answer).toMatchObject({
      method: 'POST',
      url: '/orders',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'k-1',
        authorization: TOKEN,
      },
      body: JSON.stringify({ shipping: 'standard' }),
    });
  });

  it('keeps the path of the base URL', async () => {
    stub.handler = echo;
    const answer = await transport({ baseUrl: `${stub.url}/base/` }).send(
      { method: 'DELETE', path: '/carts/me/items/2' },
      NEVER,
      TOKEN,
    );
    expect(answer).toMatchObject({ method: 'DELETE', url: '/base/carts/me/items/2' });
  });

  it('fails a 5xx answer as kind "answer" with its status, headers and parsed body', async () => {
    stub.handler = (_req, res) =>
      json(res, 503, { status: 503, code: 'unavailable' }, { 'retry-after': '2' });
    const failure = await failureOf(transport().send({ method: 'GET', path: '/x' }, NEVER, TOKEN));
    expect(failure.kind).toBe('answer');
    expect(failure.status).toBe(503);
    expect(failure.answer?.headers['retry-after']).toBe('2');
    expect(failure.answer?.body).toEqual({ status: 503, code: 'unavailable' });
  });

  it('answers a body that is not JSON as text, for the contract check to refuse', async () => {
    stub.handler = (_req, res) => res.end('<html>proxy error</html>');
    await expect(transport().send({ method: 'GET', path: '/x' }, NEVER, TOKEN)).resolves.toBe(
      '<html>proxy error</html>',
    );
  });

  it('fails a refused connection as kind "network" with the socket’s code, and tells the watch', async () => {
    const lines: string[] = [];
    const keep = (line: string) => void lines.push(line);
    const log: WatchLog = { log: keep, warn: keep, error: keep };
    const closed = new Pool('http://127.0.0.1:9', { connections: 1 });
    pools.push(closed);
    const refused = new CoreTransport(closed, {
      baseUrl: 'http://127.0.0.1:9',
      watch: new CoreApiWatch('http://127.0.0.1:9', log),
    });
    const failure = await failureOf(refused.send({ method: 'GET', path: '/x' }, NEVER, TOKEN));
    expect(failure).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(failure.answer).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/is unreachable \(ECONNREFUSED\)/)]);
  });

  it('stops a hanging request when its signal fires (attempt timeout, deadline): kind "aborted"', async () => {
    let closedByClient: Promise<void> = Promise.resolve();
    stub.handler = (req) => {
      // Never answers; the request ends only when the client gives up on it.
      closedByClient = new Promise((resolve) => req.socket.once('close', () => resolve()));
    };
    const started = Date.now();
    const failure = await failureOf(
      transport().send({ method: 'GET', path: '/slow' }, AbortSignal.timeout(150), TOKEN),
    );
    expect(failure.kind).toBe('aborted');
    // Without the signal it would hang for good; 5 s leaves a loaded machine room.
    expect(Date.now() - started).toBeLessThan(5_000);
    // The abandoned request's connection is closed: core-api stops working on it.
    await closedByClient;
  });

  it('refuses an answer larger than its limit, declared or streamed, and reads one below it', async () => {
    stub.handler = (req, res) => {
      // '/declared' says its length up front; the others stream 100-byte chunks.
      const pieces = req.url === '/declared' ? 0 : req.url === '/streamed' ? 20 : 2;
      for (let i = 0; i < pieces; i++) res.write(`"${'x'.repeat(98)}"`.slice(0, 100));
      res.end(pieces ? undefined : 'x'.repeat(10_000));
    };
    const small = transport({ maxResponseBytes: 1000 });
    for (const path of ['/declared', '/streamed'] as const) {
      const failure = await failureOf(small.send({ method: 'GET', path }, NEVER, TOKEN));
      expect(failure).toMatchObject({
        kind: 'too_large',
        message: expect.stringMatching(/1000 bytes/),
      });
    }
    const text = await small.send({ method: 'GET', path: '/small' }, NEVER, TOKEN);
    expect(String(text)).toHaveLength(200);
  });

  it('reuses keep-alive connections instead of opening one per request', async () => {
    const sockets = new Set<unknown>();
    stub.handler = (req, res) => {
      sockets.add(req.socket);
      res.end('{}');
    };
    // One connection at most at a time, so only closing it after an answer could open another.
    const one = transport({}, 1);
    for (let i = 0; i < 20; i++) await one.send({ method: 'GET', path: '/ping' }, NEVER, TOKEN);
    expect(sockets.size).toBe(1);
  });

  it('answers only once the freed connection carries the next queued request', async () => {
    let received: () => void = () => undefined;
    const firstReceived = new Promise<void>((resolve) => (received = resolve));
    stub.handler = (_req, res) => {
      received();
      setTimeout(() => res.end('{}'), 20);
    };
    const pool = new Pool(stub.url, { connections: 1 });
    pools.push(pool);
    const one = new CoreTransport(pool, { baseUrl: stub.url });
    const first = one.send({ method: 'GET', path: '/first' }, NEVER, TOKEN);
    const second = one.send({ method: 'GET', path: '/second' }, NEVER, TOKEN);
    await firstReceived;
    // The only connection is busy: the second call waits in the pool's queue.
    expect(pool.stats).toMatchObject({ running: 1, queued: 1 });
    await first;
    // What the first caller now does with its answer (parse, check, shape a page) no longer
    // holds the second call back: undici has already handed it the connection.
    expect(pool.stats).toMatchObject({ queued: 0, pending: 1 });
    await second;
  });

  describe('with tracing on and nothing exported', () => {
    let tracing: Tracing | undefined;
    afterAll(() => tracing?.shutdown());

    it('carries the caller’s W3C trace context', async () => {
      tracing = startTracing({ serviceName: 'test', serviceVersion: '0.0.0', env: {} });
      stub.handler = echo;
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const spanId = '00f067aa0ba902b7';
      const span = { traceId, spanId, traceFlags: TraceFlags.NONE };
      const inTrace = trace.setSpanContext(context.active(), span);
      const answer = await context.with(inTrace, () =>
        transport().send({ method: 'GET', path: '/traced' }, NEVER, TOKEN),
      );
      expect(answer).toMatchObject({ headers: { traceparent: `00-${traceId}-${spanId}-00` } });
    });
  });
});
