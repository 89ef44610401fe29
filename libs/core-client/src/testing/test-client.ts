// Spec helpers of this library: a CoreApiClient wired exactly as CoreClientModule wires it
// (its transport over a keep-alive undici Pool), against a stub on 127.0.0.1.
import { ServiceTokenSigner } from '@bff/platform-auth';
import { Pool } from 'undici';
import { StubCoreApi, testServiceKey } from './stub-server';
import { CoreApiClient } from '../lib/core-api.client';
import { CallRunnerOptions } from '../lib/core-call.runner';
import { CoreTransport } from '../lib/transport/core-transport';
import { CoreApiWatch } from '../lib/watch/core-api-watch';

export interface TestClient {
  client: CoreApiClient;
  close(): Promise<void>;
}

export type TestClientOptions = CallRunnerOptions & {
  maxResponseBytes?: number;
  connections?: number;
  watch?: CoreApiWatch;
};

/**
 * The time limits a spec gets unless it sets its own: far beyond anything a stub answer takes on a
 * loaded machine, so only the specs that test a timeout (and set it themselves) ever meet one.
 */
export const ROOMY_TIMEOUTS = { attemptTimeoutMs: 10_000, deadlineMs: 30_000 } as const;

export function testClient(baseURL: string, options: TestClientOptions = {}): TestClient {
  const pool = new Pool(baseURL, { connections: options.connections ?? 16 });
  // Like CoreClientModule: no timeout of its own, the policies abort the request's signal.
  const transport = new CoreTransport(pool, {
    baseUrl: baseURL,
    maxResponseBytes: options.maxResponseBytes,
    watch: options.watch,
  });
  const signer = new ServiceTokenSigner('test-bff', testServiceKey());
  const client = new CoreApiClient(transport, signer, {
    cache: false,
    ...options,
    resilience: { ...ROOMY_TIMEOUTS, ...options.resilience },
  });
  return {
    client,
    async close() {
      await client.runner.close();
      await pool.destroy();
    },
  };
}

/**
 * The lifecycle every spec of this library needs, for one describe block: a stub core-api on
 * 127.0.0.1 for the whole block, its hit list emptied and a fresh client (built with `options`)
 * before each test, and that client closed after it. `core.client` is always the current test's
 * client; `core.use(other)` swaps it for one built with other options (closing the old one).
 */
export function useStubCoreApi(options: TestClientOptions = {}) {
  const stub = new StubCoreApi();
  let current: TestClient | undefined;
  const replace = (next: TestClient | undefined) => {
    void current?.close().catch(() => undefined);
    current = next;
  };
  const core = {
    get client(): CoreApiClient {
      if (!current) throw new Error('core.client is only available inside a test');
      return current.client;
    },
    use(other: TestClientOptions): void {
      replace(testClient(stub.url, other));
    },
  };
  beforeAll(() => stub.start());
  afterAll(() => stub.stop());
  beforeEach(() => {
    stub.hits.length = 0;
    current = testClient(stub.url, options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return { stub, core };
}
