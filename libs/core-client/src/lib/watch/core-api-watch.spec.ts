import { ProblemException } from '@bff/platform-problem';
import { errors, Pool } from 'undici';
import { json, StubCoreApi } from '../../testing/stub-server';
import { testClient, TestClient } from '../../testing/test-client';
import { connectionFailureOf } from './connection-failure';
import { CoreApiWatch, WatchLog } from './core-api-watch';
import { CoreApiStartupProbe, StartupProbeOptions } from './startup-probe';

/** A WatchLog that keeps its lines. */
function capturedLog(): WatchLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (text) => lines.push(`LOG ${text}`),
    warn: (text) => lines.push(`WARN ${text}`),
    error: (text) => lines.push(`ERROR ${text}`),
  };
}

/** No retries and a breaker that never opens: every call is one attempt that reaches the transport. */
const ONE_ATTEMPT = {
  cache: false as const,
  resilience: {
    retries: 0,
    attemptTimeoutMs: 30_000,
    deadlineMs: 60_000,
    breakerConsecutiveFailures: 1_000,
    breakerMinCalls: 1_000,
  },
};

const problemOf = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => error as ProblemException,
  );

describe('CoreApiWatch over real HTTP', () => {
  const stub = new StubCoreApi();
  let log: ReturnType<typeof capturedLog>;
  let watch: CoreApiWatch;
  let client: TestClient;

  beforeEach(async () => {
    await stub.start();
    log = capturedLog();
    watch = new CoreApiWatch(stub.url, log);
    client = testClient(stub.url, { ...ONE_ATTEMPT, watch });
  });
  afterEach(async () => {
    await client.close();
    await stub.stop();
  });

  it('says once that core-api is unreachable (ECONNREFUSED) when it stops, and once that it is back', async () => {
    const url = stub.url;
    const port = Number(new URL(url).port);
    stub.handler = (_req, res) => json(res, 200, { items: [] });
    await problemOf(client.client.getCategories());
    expect(log.lines).toEqual([`LOG core-api at ${url} is reachable`]);

    await stub.stop();
    for (let i = 0; i < 5; i++) {
      const problem = await problemOf(client.client.getCategories());
      expect(problem?.getStatus()).toBe(503);
    }
    expect(log.lines.slice(1)).toEqual([
      `WARN core-api at ${url} is unreachable (ECONNREFUSED): check that core-api is running and CORE_API_URL points at it. ` +
        'Readiness stays up; answers that need core-api are 503 until it is back.',
    ]);

    await stub.start(port);
    await problemOf(client.client.getCategories());
    await problemOf(client.client.getCategories());
    expect(log.lines.slice(2)).toEqual([`LOG core-api at ${url} is reachable again`]);
    expect(log.lines).toHaveLength(3);
  });

  it('logs a refused service token once as an error naming the fix, and answers the shopper 502, not 401', async () => {
    const refuse = (reason: string) =>
      (stub.handler = (_req, res) =>
        json(
          res,
          401,
          {
            status: 401,
            code: 'service_token_required',
            detail: 'A valid service token is required.',
          },
          {
            'www-authenticate': `Bearer realm="core-api", error="invalid_token", error_description="${reason}"`,
          },
        ));
    refuse('bad signature or algorithm');
    for (let i = 0; i < 4; i++) {
      // A sign-in's link is where core-api's own 409s pass through: this 401 must not.
      const problem = await problemOf(
        client.client.linkCustomer({
          subject: 'subject-ada',
          email: 'ada@example.com',
          displayName: 'Ada',
          emailVerified: true,
        }),
      );
      expect(problem?.getStatus()).toBe(502);
      expect(problem?.code).toBe('core_api_refused_service');
      expect(problem?.message).not.toMatch(/token|credential|password/i);
    }
    const errors = () => log.lines.filter((line) => line.startsWith('ERROR'));
    expect(errors()).toEqual([
      "ERROR core-api rejected this service's token (bad signature or algorithm): its trusted keys do not match this " +
        "service's key — restart all services together (npm start), or set SERVICE_TOKEN_PUBLIC_KEYS on core-api to " +
        "this service's public key",
    ]);

    stub.handler = (_req, res) => json(res, 200, { items: [] });
    await problemOf(client.client.getCategories());
    expect(log.lines).toContain("LOG core-api accepts this service's token again");

    refuse('unknown caller');
    await problemOf(client.client.getCategories());
    await problemOf(client.client.getCategories());
    expect(errors()).toHaveLength(2);
    expect(errors()[1]).toMatch(/^ERROR core-api rejected this service's token \(unknown caller\)/);
  });

  it("still passes core-api's own 409 for an address it will not link through to the shopper", async () => {
    stub.handler = (_req, res) =>
      json(res, 409, {
        status: 409,
        code: 'email_taken',
        detail: 'Another customer signs in with this e-mail address.',
      });
    const problem = await problemOf(
      client.client.linkCustomer({
        subject: 'subject-ada',
        email: 'ada@example.com',
        displayName: 'Ada',
        emailVerified: true,
      }),
    );
    expect(problem?.getStatus()).toBe(409);
    expect(problem?.code).toBe('email_taken');
    expect(log.lines.filter((line) => !line.startsWith('LOG'))).toEqual([]);
  });
});

describe('CoreApiStartupProbe', () => {
  const stub = new StubCoreApi();
  afterEach(() => stub.stop());

  async function probe(
    url: string,
    options: StartupProbeOptions = {},
    meanwhile?: () => Promise<unknown>,
  ) {
    const log = capturedLog();
    const pool = new Pool(url);
    const startup = new CoreApiStartupProbe(pool, new CoreApiWatch(url, log), options);
    startup.onApplicationBootstrap();
    await meanwhile?.();
    await startup.done;
    await pool.destroy();
    return log.lines;
  }

  it('says at start, before any request, that core-api is reachable', async () => {
    await stub.start();
    expect(await probe(stub.url)).toEqual([`LOG core-api at ${stub.url} is reachable`]);
    expect(stub.hits).toEqual(['/health/live']);
  });

  it('says at start that core-api is unreachable, with the cause', async () => {
    await stub.start();
    const url = stub.url;
    await stub.stop();
    expect(await probe(url, { graceMs: 0 })).toEqual([
      expect.stringMatching(
        /^WARN core-api at http:\/\/127\.0\.0\.1:\d+ is unreachable \(ECONNREFUSED\)/,
      ),
    ]);
  });

  it('gives a core-api that is still starting the grace period before calling it unreachable', async () => {
    await stub.start();
    const url = stub.url;
    const port = Number(new URL(url).port);
    await stub.stop();
    // core-api comes up a moment after the BFF: well inside a grace period of a minute.
    const lines = await probe(url, { graceMs: 60_000, retryEveryMs: 50 }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await stub.start(port);
    });
    expect(lines).toEqual([`LOG core-api at ${url} is reachable`]);
  });

  it('reports refused connections that outlast the grace period, once', async () => {
    await stub.start();
    const url = stub.url;
    await stub.stop();
    const lines = await probe(url, { graceMs: 300, retryEveryMs: 50 });
    expect(lines).toEqual([expect.stringMatching(/is unreachable \(ECONNREFUSED\)/)]);
  });

  it('calls a core-api that accepts connections but never answers unreachable (timeout)', async () => {
    await stub.start();
    stub.handler = () => undefined; // never answers
    // The stub never answers, so the outcome does not depend on how fast the machine is.
    expect(await probe(stub.url, { timeoutMs: 200 })).toEqual([
      expect.stringMatching(/is unreachable \(timeout\)/),
    ]);
  });

  it('says nothing when the app shuts down while it looks', async () => {
    await stub.start();
    stub.handler = () => undefined;
    const log = capturedLog();
    const pool = new Pool(stub.url);
    const startup = new CoreApiStartupProbe(pool, new CoreApiWatch(stub.url, log));
    startup.onApplicationBootstrap();
    startup.onModuleDestroy();
    await startup.done;
    await pool.destroy();
    expect(log.lines).toEqual([]);
  });
});

describe('connectionFailureOf', () => {
  it("reads the cause from undici's errors and their cause chain", () => {
    expect(connectionFailureOf(new errors.ConnectTimeoutError())).toBe('connect timeout');
    expect(
      connectionFailureOf(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }),
        }),
      ),
    ).toBe('ENOTFOUND');
    expect(
      connectionFailureOf(
        Object.assign(new Error('x'), {
          code: 'ERR_NETWORK',
          cause: new errors.ConnectTimeoutError(),
        }),
      ),
    ).toBe('connect timeout');
    expect(
      connectionFailureOf(Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })),
    ).toBe('TLS DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(
      connectionFailureOf(Object.assign(new Error('x'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' })),
    ).toBe('TLS ERR_SSL_WRONG_VERSION_NUMBER');
  });

  it('is undefined for what is not about reaching core-api', () => {
    expect(connectionFailureOf(new DOMException('aborted', 'AbortError'))).toBeUndefined();
    expect(
      connectionFailureOf(Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' })),
    ).toBeUndefined();
    expect(connectionFailureOf(undefined)).toBeUndefined();
  });
});
