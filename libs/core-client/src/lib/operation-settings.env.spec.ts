import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { aProduct, aRatingSummary, aReviewPage } from '../testing/core-api-fixtures';
import { categoryFacets } from '../testing/fake-catalog';
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

  it('accepts every operation of the table, getCategoryFacets included', () => {
    expect(parse('{"getCategoryFacets":{"retries":0,"cacheTtlMs":60000}}').success).toBe(true);
    expect(firstError('{"getFacets":{"retries":0}}')).toMatch(/known: .*getCategoryFacets/);
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
    // Service-wide: 30 s per attempt, 60 s per call. getReviews alone: 3 s per attempt, 4 s per
    // call, 3 retries. Margins, not speed: the retry starts ~1 s before the deadline (it needs
    // milliseconds to reach the stub), and the 4 s deadline is far from the 12 s the attempts would
    // take without it (or the 30 s of one service-wide attempt), with 5 s of room for late timers.
    const core = clientFrom(
      '{"getReviews":{"attemptTimeoutMs":3000,"deadlineMs":4000,"retries":3}}',
      {
        CORE_API_TIMEOUT_MS: '30000',
        CORE_API_DEADLINE_MS: '60000',
        CORE_API_RETRY_BACKOFF_MS: '10',
      },
    );
    const started = Date.now();
    await expect(core.getReviews(1)).rejects.toMatchObject({ status: 504 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(4_000 - 50);
    expect(took).toBeLessThan(9_000);
    // The first attempt timed out at 3 s, the retry was cut by the 4 s deadline.
    expect(stub.count('/products/1/reviews')).toBe(2);
    // getProduct keeps the service-wide values: a 300 ms answer is in time.
    await expect(core.getProduct(1)).resolves.toMatchObject({ id: 1 });
  }, 60_000);

  it('tunes getCategoryFacets: its own retries and cache TTL take effect, the others keep theirs', async () => {
    stub.handler = (_req, res) => json(res, 503, {});
    const core = clientFrom('{"getCategoryFacets":{"retries":0,"cacheTtlMs":60000}}', {
      CORE_API_RETRY_BACKOFF_MS: '10',
    });
    await expect(core.getCategoryFacets('kitchen')).rejects.toMatchObject({ status: 503 });
    expect(stub.count('/categories/kitchen/facets')).toBe(1);
    await expect(core.getCategories()).rejects.toMatchObject({ status: 503 });
    expect(stub.hits.filter((hit) => hit === '/categories')).toHaveLength(3); // 2 retries

    stub.handler = (_req, res) => json(res, 200, categoryFacets('kitchen'));
    for (let i = 0; i < 3; i++)
      await expect(core.getCategoryFacets('kitchen')).resolves.toEqual(categoryFacets('kitchen'));
    expect(stub.count('/categories/kitchen/facets')).toBe(2); // cached by default it never is
  });

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
