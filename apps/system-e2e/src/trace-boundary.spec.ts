import { randomBytes } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOtlpReceiver } from './support/otlp-receiver';
import { RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

/**
 * Trace headers from the internet, over real HTTP: what a browser or app sends in `traceparent`
 * and `baggage` against what the BFF sends on to core-api (a fake here, recording every call).
 */
const PAGES = {
  'web-bff': { path: '/api/pages/product/1', headers: { 'x-csrf': '1' } },
  'mobile-bff': { path: '/v1/screens/product/1', headers: {} },
} as const;
type Bff = keyof typeof PAGES;

const newTraceId = () => randomBytes(16).toString('hex');
const traceparent = (traceId: string, flags = '01') =>
  `00-${traceId}-${randomBytes(8).toString('hex')}-${flags}`;
const traceIdOf = (header: string | string[] | undefined) => String(header ?? '').split('-')[1];

/** A stand-in for core-api that records the headers of every call it gets (one per BFF process). */
async function recordingCoreApi(): Promise<{
  url: string;
  calls: IncomingHttpHeaders[];
  server: Server;
}> {
  const calls: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('/health')) calls.push(req.headers);
    res
      .writeHead(404, { 'content-type': 'application/problem+json' })
      .end('{"status":404,"title":"Not Found"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, server };
}

describe('trace headers from the internet', () => {
  const keysDir = tempKeysDir();
  type Recorder = Awaited<ReturnType<typeof recordingCoreApi>>;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  const bffs: Record<string, RunningService> = {};
  const cores: Record<string, Recorder> = {};

  /**
   * The headers of every call the BFF made to core-api while serving one request. Each BFF process
   * has its own recording core-api, so no other process's calls are counted.
   */
  const forward = async (name: string, bff: Bff, headers: Record<string, string>) => {
    const { calls } = cores[name] as Recorder;
    calls.length = 0;
    const res = await fetch(`${(bffs[name] as RunningService).url}${PAGES[bff].path}`, {
      headers: { ...PAGES[bff].headers, ...headers },
    });
    await res.arrayBuffer();
    expect(calls.length).toBeGreaterThan(0);
    return [...calls];
  };

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const processes = {
      'web-bff': { app: 'web-bff', env: {} },
      'mobile-bff': { app: 'mobile-bff', env: {} },
      exported: { app: 'web-bff', env: otel },
      trusting: { app: 'web-bff', env: { TRACE_TRUST_INBOUND: 'true' } },
    } as const;
    await Promise.all(
      Object.entries(processes).map(async ([name, { app, env }]) => {
        const core = (cores[name] = await recordingCoreApi());
        bffs[name] = await startService(app, {
          CORE_API_URL: core.url,
          SERVICE_KEYS_DIR: keysDir,
          ...env,
        });
      }),
    );
  }); // the suite's 300 s: room for starting real processes on a loaded machine
  afterAll(async () => {
    await Promise.all(Object.values(bffs).map((s) => s.stop()));
    await receiver?.close();
    await Promise.all(
      Object.values(cores).map(({ server }) => new Promise((done) => server.close(done))),
    );
  });

  it.each(['web-bff', 'mobile-bff'] as const)(
    '%s does not pass a browser-sent baggage header on to core-api',
    async (bff) => {
      const sent = await forward(bff, bff, {
        baggage: 'userId=1,role=admin',
        traceparent: traceparent(newTraceId()),
      });
      expect(sent.map((h) => h['baggage'])).toEqual(sent.map(() => undefined));
    },
  );

  it.each(['web-bff', 'mobile-bff'] as const)(
    '%s does not let a caller choose the trace core-api joins',
    async (bff) => {
      const inbound = newTraceId();
      const sent = await forward(bff, bff, {
        traceparent: traceparent(inbound),
      });
      const traceIds = new Set(sent.map((h) => traceIdOf(h['traceparent'])));
      expect(traceIds.size).toBe(1);
      expect([...traceIds][0]).toMatch(/^[0-9a-f]{32}$/);
      expect(traceIds.has(inbound)).toBe(false);
    },
  );

  it('links the new trace to the caller’s one, so they stay correlated (spans exported)', async () => {
    const inbound = newTraceId();
    const sent = await forward('exported', 'web-bff', {
      traceparent: traceparent(inbound),
      baggage: 'userId=1',
    });
    const ours = traceIdOf(sent[0]?.['traceparent']);
    expect(ours).not.toBe(inbound);
    expect(sent.map((h) => h['baggage'])).toEqual(sent.map(() => undefined));
    const server = async () => {
      const deadline = Date.now() + 30_000; // export batches, on a loaded machine
      for (;;) {
        const span = receiver.spans.find(
          (s) => s.service === 'web-bff' && s.kind === 2 && s.traceId === ours,
        );
        if (span || Date.now() > deadline) return span;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const span = await server();
    expect(span?.parentSpanId).toBeUndefined();
    expect(span?.links.map((l) => l.traceId)).toEqual([inbound]);
  });

  it('continues the caller’s trace when told to trust it (TRACE_TRUST_INBOUND=true)', async () => {
    const inbound = newTraceId();
    const sent = await forward('trusting', 'web-bff', {
      traceparent: traceparent(inbound),
      baggage: 'userId=1',
    });
    expect(sent.map((h) => traceIdOf(h['traceparent']))).toEqual(sent.map(() => inbound));
    expect(sent.map((h) => h['baggage'])).toEqual(sent.map(() => undefined));
  });
});
