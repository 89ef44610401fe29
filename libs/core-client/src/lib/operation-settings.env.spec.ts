import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { aProduct, aRatingSummary, aReviewPage } from '../testing/core-api-fixtures';
import { json } from '../testing/stub-server';
import { testClient, TestClient } from '../testing/test-client';
import { StubCoreApi } from '../testing/stub-server';
import { coreClientEnvShape, coreClientOptionsFromEnv } from './core-client.env';

const schema = z.object({ NODE_ENV: z.string().default('test'), ...coreClientEnvShape });
const parse = (operations: string) => schema.safeParse({ CORE_API_OPERATIONS: operations });
const firstError = (operations: string) => {
  const result = parse(operations);
  expect(result.success).toBe(false);
  const issue = result.error?.issues[0];
  return `${issue?.path.join('.')}: ${issue?.message}`;
};

describe('CORE_API_OPERATIONS: per-operation settings from the environment', () => {
  it('splits into policy overrides and cache TTLs, leaving other operations on the defaults', () => {
    const env = schema.parse({
      SERVICE_KEYS_DIR: mkdtempSync(join(tmpdir(), 'ops-keys-')),
      CORE_API_OPERATIONS:
        '{"getReviews":{"attemptTimeoutMs":400,"retries":1,"cacheTtlMs":5000},"getProduct":{"cacheTtlMs":0}}',
    });
    const options = coreClientOptionsFromEnv(env, 'web-bff');
    expect(options.operations).toEqual({ getReviews: { attemptTimeoutMs: 400, retries: 1 } });
    expect(options.cache).toMatchObject({ ttls: { getReviews: 5000, getProduct: 0 } });
    expect(options.resilience).toMatchObject({ attemptTimeoutMs: 1000, retries: 2 });
  });

  it('is optional', () => {
    expect(schema.parse({}).CORE_API_OPERATIONS).toBeUndefined();
  });

  it('stops start-up on an unknown operation, naming the known ones', () => {
    expect(firstError('{"getReview":{"retries":1}}')).toMatch(
      /^CORE_API_OPERATIONS.getReview: unknown operation; known: getProduct, .*getReviews/,
    );
  });

  it('stops start-up on an unknown or out-of-range field, bad JSON, or an attempt longer than its deadline', () => {
    expect(firstError('{"getReviews":{"timeout":400}}')).toMatch(
      /^CORE_API_OPERATIONS.getReviews: .*timeout/,
    );
    expect(firstError('{"getReviews":{"retries":9}}')).toMatch(
      /^CORE_API_OPERATIONS.getReviews.retries: /,
    );
    expect(firstError('{"getReviews":{"attemptTimeoutMs":0}}')).toMatch(
      /^CORE_API_OPERATIONS.getReviews.attemptTimeoutMs: /,
    );
    expect(firstError('getReviews=400')).toMatch(/^CORE_API_OPERATIONS: must be a JSON object/);
    expect(firstError('{"getReviews":{"attemptTimeoutMs":900,"deadlineMs":500}}')).toMatch(
      /attemptTimeoutMs must not exceed deadlineMs/,
    );
  });
});

describe('CORE_API_OPERATIONS applied to real calls (over real HTTP)', () => {
  const stub = new StubCoreApi();
  let client: TestClient | undefined;
  beforeAll(() => stub.start());
  afterAll(() => stub.stop());
  afterEach(async () => {
    await client?.close();
    stub.hits.length = 0;
  });

  const clientFrom = (operations: string, serviceWide: Record<string, string> = {}) => {
    const env = schema.parse({
      SERVICE_KEYS_DIR: mkdtempSync(join(tmpdir(), 'ops-keys-')),
      CORE_API_OPERATIONS: operations,
      ...serviceWide,
    });
    const { resilience, operations: overrides, cache } = coreClientOptionsFromEnv(env, 'web-bff');
    client = testClient(stub.url, { resilience, operations: overrides, cache });
    return client.client;
  };

  it('gives one operation its own attempt timeout, deadline and retries; the others keep theirs', async () => {
    stub.handler = (req, res) => {
      if (req.url?.includes('/reviews')) return undefined; // reviews hang
      if (req.url?.startsWith('/products/1')) setTimeout(() => json(res, 200, aProduct()), 300);
    };
    // Service-wide: 30 s per attempt, 60 s per call. getReviews alone: 300 ms, 400 ms, no retry.
    const core = clientFrom(
      '{"getReviews":{"attemptTimeoutMs":300,"deadlineMs":400,"retries":0}}',
      {
        CORE_API_TIMEOUT_MS: '30000',
        CORE_API_DEADLINE_MS: '60000',
      },
    );
    const started = Date.now();
    await expect(core.getReviews(1)).rejects.toMatchObject({ status: 504 });
    // Far inside the service-wide 30 s: the operation's own 400 ms deadline cut it (10 s leaves
    // a loaded machine room). On such a machine the one attempt may not even reach the stub.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stub.count('/products/1/reviews')).toBeLessThanOrEqual(1);
    // getProduct keeps the service-wide values: a 300 ms answer is in time.
    await expect(core.getProduct(1)).resolves.toMatchObject({ id: 1 });
  }, 20_000);

  it('gives one operation its own cache TTL (0: never cached) while the defaults cache the rest', async () => {
    stub.handler = (req, res) =>
      json(
        res,
        200,
        req.url?.includes('/summary')
          ? aRatingSummary()
          : req.url?.includes('/reviews')
            ? aReviewPage()
            : aProduct(),
      );
    const core = clientFrom('{"getProduct":{"cacheTtlMs":0}}');
    for (let i = 0; i < 2; i++) {
      await core.getProduct(1);
      await core.getRatingSummary(1);
    }
    expect(stub.count('/products/1/reviews/summary')).toBe(1);
    expect(stub.hits.filter((hit) => hit === '/products/1')).toHaveLength(2);
  });
});
