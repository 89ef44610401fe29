import { Redis } from 'ioredis';
import { aCart, aProduct } from '../../testing/core-api-fixtures';
import { StubCoreApi, json, sequence } from '../../testing/stub-server';
import { TestClient, testClient, useStubCoreApi } from '../../testing/test-client';
import { RedisCacheStore } from './cache-stores';

const REDIS_URL = process.env['REDIS_URL'];

/** Lets a test move the time the cache judges by (Date.now) forward, instead of sleeping through it. */
function useShiftedTime() {
  const realNow = Date.now;
  let shift = 0;
  beforeEach(() => {
    shift = 0;
    Date.now = () => realNow() + shift;
  });
  afterEach(() => {
    Date.now = realNow;
  });
  return (ms: number) => void (shift += ms);
}

describe('response cache (over real HTTP, in-process LRU)', () => {
  const { stub, core } = useStubCoreApi();
  // A TTL and a stale window a loaded machine cannot outrun between two calls; time jumps past them.
  const TTL_MS = 60_000;
  const STALE_MS = 120_000;
  const advance = useShiftedTime();

  beforeEach(() => {
    stub.handler = (req, res) =>
      json(res, 200, req.url?.startsWith('/carts') ? aCart() : aProduct());
    core.use({
      cache: { ttls: { getProduct: TTL_MS }, staleMs: STALE_MS },
      resilience: { retries: 0 },
    });
  });

  it('answers a public read from the cache within its TTL', async () => {
    await core.client.getProduct(1);
    await core.client.getProduct(1);
    expect(stub.count()).toBe(1);
    advance(TTL_MS + 1);
    await core.client.getProduct(1);
    expect(stub.count()).toBe(2);
  });

  it('never caches a personal read such as a cart', async () => {
    await core.client.getCart(1);
    await core.client.getCart(1);
    expect(stub.count()).toBe(2);
  });

  it('caches only the first page of reviews', async () => {
    stub.handler = (_req, res) => json(res, 200, { items: [], nextCursor: null });
    await core.client.getReviews(1, { limit: 5 });
    await core.client.getReviews(1, { limit: 5 });
    await core.client.getReviews(1, { limit: 5, cursor: 'abc' });
    await core.client.getReviews(1, { limit: 5, cursor: 'abc' });
    expect(stub.count()).toBe(3);
  });

  it('serves a stale answer while core-api fails, within the stale window only', async () => {
    await core.client.getProduct(1);
    stub.handler = sequence([503]);
    advance(TTL_MS + 1); // past the TTL, inside the stale window
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(2);
    advance(STALE_MS); // past TTL + stale window
    await expect(core.client.getProduct(1)).rejects.toMatchObject({ status: 503 });
  });

  it('does not serve stale over a real 404', async () => {
    await core.client.getProduct(1);
    stub.handler = sequence([404]);
    advance(TTL_MS + 1);
    await expect(core.client.getProduct(1)).rejects.toMatchObject({ status: 404 });
  });
});

// Runs only where Redis answers: `.ci/run` sets REDIS_URL=redis://127.0.0.1:6379 there.
(REDIS_URL ? describe : describe.skip)(
  `response cache shared through Redis (${REDIS_URL ? REDIS_URL : 'SKIPPED: REDIS_URL is not set'})`,
  () => {
    const stub = new StubCoreApi();
    const prefix = `core-client-test:${process.pid}:${Date.now()}:`;
    let a: TestClient;
    let b: TestClient;

    beforeAll(async () => {
      await stub.start();
      stub.handler = (_req, res) => json(res, 200, aProduct({ id: 7 }));
      a = testClient(stub.url, { cache: { store: new RedisCacheStore(REDIS_URL ?? '', prefix) } });
      b = testClient(stub.url, { cache: { store: new RedisCacheStore(REDIS_URL ?? '', prefix) } });
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
      await stub.stop();
    });

    it('lets a second client (another BFF replica) answer from what the first one fetched', async () => {
      await expect(a.client.getProduct(7)).resolves.toMatchObject({ id: 7 });
      // The write is not awaited by the caller: b asks once Redis holds the entry (at most 10 s).
      const redis = new Redis(REDIS_URL ?? '');
      try {
        for (const stop = Date.now() + 10_000; Date.now() < stop;) {
          if ((await redis.keys(`${prefix}*`)).length > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        redis.disconnect();
      }
      await expect(b.client.getProduct(7)).resolves.toMatchObject({ id: 7 });
      expect(stub.count()).toBe(1);
    });
  },
);
