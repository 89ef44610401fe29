import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { startOtlpReceiver } from './support/otlp-receiver';
import { RunningService, startService } from './support/processes';
import { coreApiCaller, tempKeysDir } from './support/service-tokens';

const keysDir = tempKeysDir();

describe('operations: traces, logs and metrics of real processes', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let core: RunningService;
  let web: RunningService;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    core = await startService('core-api', {
      PGLITE_DIR: 'memory://',
      SERVICE_KEYS_DIR: keysDir,
      ...otel,
    });
    web = await startService('web-bff', {
      CORE_API_URL: core.url,
      SERVICE_KEYS_DIR: keysDir,
      ...otel,
    });
  });
  afterAll(async () => {
    await Promise.all([web?.stop(), core?.stop()]);
    await receiver?.close();
  });

  it('puts the BFF span, the core-api spans and the database spans of one product page in one trace, linked to the browser’s', async () => {
    const browserTrace = randomBytes(16).toString('hex');
    const res = await fetch(`${web.url}/api/pages/product/3`, {
      headers: {
        'x-csrf': '1',
        traceparent: `00-${browserTrace}-${randomBytes(8).toString('hex')}-01`,
      },
    });
    expect(res.status).toBe(200);

    // The browser is not trusted to pick the trace (TRACE_TRUST_INBOUND is off at the BFF): the
    // page gets a trace of its own, whose BFF span links to the browser's trace.
    // Spans arrive in export batches: poll for them, with room for a loaded machine (30 s).
    const deadline = Date.now() + 30_000;
    const traceId = () =>
      receiver.spans.find(
        (s) =>
          s.service === 'web-bff' &&
          s.kind === 2 &&
          s.links.some((l) => l.traceId === browserTrace),
      )?.traceId;
    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId());
    const complete = () => {
      const spans = inTrace();
      return (
        spans.some((s) => s.service === 'web-bff' && s.kind === 2) &&
        spans.filter((s) => s.service === 'core-api' && s.kind === 2).length >= 5 &&
        spans.some((s) => s.service === 'core-api' && s.name.startsWith('pglite.'))
      );
    };
    while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const spans = inTrace();
    expect(traceId()).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId()).not.toBe(browserTrace);
    const bffServer = spans.find((s) => s.service === 'web-bff' && s.kind === 2);
    expect(bffServer?.parentSpanId).toBeUndefined();
    expect(bffServer?.attributes['http.route'] ?? bffServer?.name).toMatch(
      /\/api\/pages\/product\/:id|GET/,
    );
    expect(
      spans.filter((s) => s.service === 'web-bff' && s.kind === 3).length,
    ).toBeGreaterThanOrEqual(5); // calls to core-api
    expect(
      spans.filter((s) => s.service === 'core-api' && s.kind === 2).length,
    ).toBeGreaterThanOrEqual(5);
    expect(
      spans.some(
        (s) =>
          s.service === 'core-api' &&
          s.name.startsWith('pglite.') &&
          String(s.attributes['db.query.text']).includes('select'),
      ),
    ).toBe(true);
    for (const span of spans) expect(span.serviceVersion).toMatch(/^\d+\.\d+\.\d+/);
    // Health probes are not traced.
    await fetch(`${web.url}/health/ready`);
    expect(
      receiver.spans.some((s) =>
        String(s.attributes['url.path'] ?? s.attributes['http.target'] ?? '').startsWith('/health'),
      ),
    ).toBe(false);
  });

  it('writes one JSON line per request with route, status, duration, request id and trace id, and no credentials', async () => {
    const call = coreApiCaller(() => core.url, keysDir);
    const subject = 'log-test-subject-7f3a';
    const res = await call('/customers/link', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'login-log-test-1' },
      body: JSON.stringify({
        subject,
        email: 'log-test@example.com',
        displayName: 'Log Test',
        emailVerified: true,
      }),
    });
    expect(res.status).toBe(200);
    // The line is written as the response ends: wait for it (at most 30 s), never a fixed pause.
    const logged = () =>
      core
        .output()
        .split('\n')
        .filter((l) => l.includes('login-log-test-1'));
    for (
      let stop = Date.now() + 30_000;
      !logged().some((l) => l.includes('"responseTime"')) && Date.now() < stop;
    )
      await new Promise((r) => setTimeout(r, 50));
    const lines = logged();
    const entry = JSON.parse(lines.find((l) => l.includes('"responseTime"')) ?? '{}');
    expect(entry).toMatchObject({
      requestId: 'login-log-test-1',
      method: 'POST',
      path: '/customers/link',
      route: '/customers/link',
      status: 200,
    });
    expect(typeof entry.responseTime).toBe('number');
    expect(entry.traceId).toMatch(/^[0-9a-f]{32}$/);
    const everything = core.output();
    // Bodies are not logged: not the subject, not the e-mail address.
    expect(everything).not.toContain(subject);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no JWT, ours or anyone's
  });

  it('labels metrics by route template: 1,000 distinct product ids add one series, not 1,000', async () => {
    const pageCount = (text: string) =>
      text
        .split('\n')
        .filter(
          (l) =>
            l.startsWith('http_server_request_duration_seconds_count') &&
            l.includes('/api/pages/product'),
        )
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    const before = pageCount(await (await fetch(`${web.url}/metrics`)).text());
    for (let start = 0; start < 1000; start += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          fetch(`${web.url}/api/pages/product/${10_000 + start + i}`, {
            headers: { 'x-csrf': '1' },
          }).then((r) => r.text()),
        ),
      );
    }
    const text = await (await fetch(`${web.url}/metrics`)).text();
    const pageSeries = text
      .split('\n')
      .filter(
        (l) =>
          l.startsWith('http_server_request_duration_seconds_count') &&
          l.includes('/api/pages/product'),
      );
    // One series per status class at most, all on the template; together they count every request.
    expect(pageSeries.length).toBeGreaterThanOrEqual(1);
    expect(pageSeries.length).toBeLessThanOrEqual(5);
    for (const line of pageSeries) expect(line).toContain('route="/api/pages/product/:id"');
    expect(pageCount(text) - before).toBe(1000);
    expect(text).toMatch(/core_client_/);
  });
});

describe('trace context with nothing exported (the default)', () => {
  let core: RunningService;
  let web: RunningService;

  beforeAll(async () => {
    core = await startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir });
    web = await startService('web-bff', { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir });
  });
  afterAll(async () => {
    await Promise.all([web?.stop(), core?.stop()]);
  });

  it('carries one trace id from the BFF to every core-api call, so both logs share it, and not the browser’s', async () => {
    const browserTrace = randomBytes(16).toString('hex');
    const res = await fetch(`${web.url}/api/pages/product/4`, {
      headers: {
        'x-csrf': '1',
        traceparent: `00-${browserTrace}-${randomBytes(8).toString('hex')}-00`,
      },
    });
    expect(res.status).toBe(200);
    const entries = (service: RunningService) =>
      service
        .output()
        .split('\n')
        .filter((l) => l.includes('"responseTime"'))
        .map((l) => JSON.parse(l) as { traceId?: string; route?: string });
    const pageEntry = () => entries(web).find((entry) => entry.route === '/api/pages/product/:id');
    // Log lines arrive on their own schedule on a busy machine: wait for them (30 s at most).
    for (const deadline = Date.now() + 30_000; !pageEntry() && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // The browser does not pick the trace (TRACE_TRUST_INBOUND is off at the BFF): the page's own.
    const traceId = pageEntry()?.traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).not.toBe(browserTrace);
    const logged = (service: RunningService) =>
      entries(service)
        .filter((entry) => entry.traceId === traceId)
        .map((entry) => entry.route);
    expect(logged(web)).toEqual(['/api/pages/product/:id']);
    for (const deadline = Date.now() + 30_000; logged(core).length < 5 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // All five reads of the page, each logged by core-api under the BFF's trace.
    expect(logged(core).sort()).toEqual([
      '/inventory/:productId',
      '/products/:id',
      '/products/:id/related',
      '/products/:id/reviews',
      '/products/:id/reviews/summary',
    ]);
  });
});

describe('graceful shutdown under load', () => {
  it('fails readiness first, serves every accepted request, and exits 0', async () => {
    const core = await startService('core-api', {
      PGLITE_DIR: 'memory://',
      SERVICE_KEYS_DIR: keysDir,
    });
    const web = await startService('web-bff', {
      CORE_API_URL: core.url,
      SERVICE_KEYS_DIR: keysDir,
      // The readiness check below is sent 0.3 s into the drain: 5 s of drain leave it room on a
      // loaded machine, and outlast the load (it stops 4 s after SIGTERM).
      SHUTDOWN_DRAIN_MS: '5000',
    });
    try {
      const load = autocannon({
        url: `${web.url}/api/pages/product/1`,
        headers: { 'x-csrf': '1' },
        connections: 10,
        duration: 6,
        timeout: 5,
      });
      let readinessDuringDrain = 0;
      const sigterm = setTimeout(() => {
        web.process.kill('SIGTERM');
        setTimeout(() => {
          void fetch(`${web.url}/health/ready`)
            .then((r) => (readinessDuringDrain = r.status))
            .catch(() => undefined);
        }, 300);
      }, 2_000);
      const result = await load;
      clearTimeout(sigterm);
      // It exits by itself once the drain ends (a second SIGTERM from stop() would end it at once).
      const exitCode = await new Promise<number | null>((done) => {
        const child = web.process;
        if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode);
        else child.once('exit', (code) => done(code));
      });
      expect(readinessDuringDrain).toBe(503);
      expect(result['2xx']).toBeGreaterThan(50);
      expect(result.non2xx).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(exitCode).toBe(0);
    } finally {
      await web.stop();
      await core.stop();
    }
  });
});
