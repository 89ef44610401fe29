import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  AlwaysOffSampler,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoundaryPropagator, InboundTraceLinker } from './inbound-trace';
import { recordRoute, setServerTracer, traceRequests } from './server-spans';

/** What the handler saw: the active span's ids and whether it is recorded. */
interface Seen {
  traceId?: string;
  spanId?: string;
  recording?: boolean;
}
const seen = (): Seen => {
  const span = trace.getActiveSpan();
  return {
    traceId: span?.spanContext().traceId,
    spanId: span?.spanContext().spanId,
    recording: span?.isRecording(),
  };
};

/**
 * A plain Node server behind `traceRequests`, over real HTTP. Routes: `GET /items/:id` (names its
 * span by the template, as createApp's hook does), `POST /items` (answers from the body's `end`
 * event, as a framework does once the body is read), `GET /boom` (500), `GET /health/live`.
 */
function handler(req: IncomingMessage, res: ServerResponse): void {
  const answer = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  if (req.method === 'POST') {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => answer(201, { ...seen(), body }));
    return;
  }
  if (req.url?.startsWith('/items/')) {
    recordRoute('GET', '/items/:id');
    answer(200, seen());
  } else if (req.url === '/boom') answer(500, seen());
  else if (req.url === '/missing') answer(404, seen());
  else answer(200, seen());
}

describe('traceRequests: the server span of each request', () => {
  const sdk = new NodeSDK({
    // The context manager and the propagator, as startTracing installs them; the tracer is set below.
    textMapPropagator: new BoundaryPropagator(false),
    spanProcessors: [],
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  const exporter = new InMemorySpanExporter();
  const recorded = new TracerProvider({
    spanProcessors: [new InboundTraceLinker(), new SimpleSpanProcessor({ exporter })],
  });
  const unsampled = new TracerProvider({
    sampler: new AlwaysOffSampler(),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  let server: Server;
  let url: string;

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${url}${path}`, init);
    return { status: res.status, seen: (await res.json()) as Seen & { body?: string } };
  };
  /** The spans ended so far; a span ends when its response closes, just after the client has it. */
  const spans = async (count: number) => {
    for (let i = 0; i < 200 && exporter.getFinishedSpans().length < count; i++)
      await new Promise((r) => setTimeout(r, 10));
    return exporter.getFinishedSpans();
  };

  beforeAll(async () => {
    sdk.start();
    server = createServer(traceRequests(handler));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    setServerTracer(undefined);
    await new Promise((done) => server.close(done));
    await sdk.shutdown();
  });
  beforeEach(() => {
    exporter.reset();
    setServerTracer(recorded.getTracer('test'));
  });

  it('runs the handler inside a recorded SERVER span named by its route, with the HTTP attributes and no query string', async () => {
    const { status, seen } = await call('/items/7?email=someone@example.com', {
      headers: { 'user-agent': 'spec' },
    });
    expect(status).toBe(200);
    expect(seen.recording).toBe(true);
    const [span] = await spans(1);
    expect(span?.spanContext()).toMatchObject({ traceId: seen.traceId, spanId: seen.spanId });
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.name).toBe('GET /items/:id');
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/items/:id',
      'url.path': '/items/7',
      'url.scheme': 'http',
      'http.response.status_code': 200,
      'network.peer.address': '127.0.0.1',
      'server.address': '127.0.0.1',
      'user_agent.original': 'spec',
    });
    expect(JSON.stringify(span?.attributes)).not.toContain('someone@example.com');
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it.each([
    ['JSON', 'application/json', '{"name":"x"}'],
    ['form', 'application/x-www-form-urlencoded', 'name=x'],
  ])(
    'keeps the span’s context for a handler that runs once a %s body has been read',
    async (_kind, type, body) => {
      const { status, seen } = await call('/items', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(status).toBe(201);
      expect(seen.body).toBe(body);
      const [span] = await spans(1);
      expect(seen.traceId).toBeDefined();
      expect(seen.traceId).toBe(span?.spanContext().traceId);
      expect(seen.spanId).toBe(span?.spanContext().spanId);
    },
  );

  it('marks a 5xx as the server’s error and a 4xx as not', async () => {
    await call('/boom');
    await call('/missing');
    const [boom, missing] = await spans(2);
    expect(boom?.status.code).toBe(SpanStatusCode.ERROR);
    expect(boom?.attributes['error.type']).toBe('500');
    expect(missing?.attributes['http.response.status_code']).toBe(404);
    expect(missing?.status.code).toBe(SpanStatusCode.UNSET);
    expect(missing?.attributes['error.type']).toBeUndefined();
  });

  it('starts a new trace for an untrusted caller’s traceparent and links the caller’s', async () => {
    const caller = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { seen } = await call('/items/1', {
      headers: { traceparent: `00-${caller}-00f067aa0ba902b7-01` },
    });
    const [span] = await spans(1);
    expect(seen.traceId).not.toBe(caller);
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.links.map((l) => l.context.traceId)).toEqual([caller]);
  });

  it('leaves probes untraced', async () => {
    const { seen } = await call('/health/live');
    expect(seen.traceId).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('gives an unsampled request a trace id for its logs and calls, and records nothing', async () => {
    setServerTracer(unsampled.getTracer('test'));
    const { seen } = await call('/items/2');
    expect(seen.recording).toBe(false);
    expect(seen.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(seen.traceId).not.toBe('0'.repeat(32));
    await new Promise((r) => setTimeout(r, 50));
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('runs the handler as is while tracing is off', async () => {
    setServerTracer(undefined);
    const { status, seen } = await call('/items/3');
    expect(status).toBe(200);
    expect(seen.traceId).toBeUndefined();
  });
});
