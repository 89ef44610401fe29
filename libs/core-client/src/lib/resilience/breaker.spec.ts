import { aProduct, aReviewPage } from '../../testing/core-api-fixtures';
import { json, sequence } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';
import { CoreApiClient } from '../core-api.client';

/** Long enough that the 20 fail-fast calls (sub-millisecond each) end well inside it on any machine. */
const HALF_OPEN_MS = 3_000;
const CLOSED = 0;
const OPEN = 1;

/** A downstream group's breaker state as `/metrics` shows it (0 closed, 1 open, 2 half-open). */
async function circuitOf(client: CoreApiClient, group: string): Promise<number | undefined> {
  const text = await client.runner.metrics.registry.getSingleMetricAsString(
    'core_client_circuit_state',
  );
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`core_client_circuit_state{downstream="${group}"} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('circuit breaker (over real HTTP)', () => {
  const { stub, core } = useStubCoreApi({
    resilience: { retries: 0, breakerConsecutiveFailures: 5, breakerHalfOpenAfterMs: HALF_OPEN_MS },
  });
  const circuit = (group: string) => circuitOf(core.client, group);

  it('fails fast without touching core-api once it has failed 5 times in a row, then recovers', async () => {
    stub.handler = sequence([503]);
    for (let i = 0; i < 5; i++)
      await expect(core.client.getProduct(i + 1)).rejects.toMatchObject({ status: 503 });
    expect(await circuit('catalog')).toBe(OPEN);
    const frozen = stub.count();

    // Decided by events, not by a stopwatch: core-api now hangs, so a call that reached it would
    // wait out the attempt timeout; every one fails fast with circuit_open and none arrives.
    stub.handler = () => undefined;
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      await expect(core.client.getProduct(1)).rejects.toMatchObject({
        status: 503,
        code: 'core_api_circuit_open',
      });
    }
    expect(Date.now() - started).toBeLessThan(HALF_OPEN_MS);
    expect(stub.count()).toBe(frozen);

    // core-api recovers; after the half-open delay one trial call goes through and closes it.
    stub.handler = (_req, res) => json(res, 200, aProduct());
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS + 50));
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(await circuit('catalog')).toBe(CLOSED);
    await expect(core.client.getProduct(2)).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(frozen + 2);
  });

  it('opens when at least half of the calls in the window fail, given enough calls', async () => {
    core.use({
      resilience: {
        retries: 0,
        breakerConsecutiveFailures: 1_000,
        breakerMinCalls: 20,
        breakerWindowMs: 60_000, // 30 calls fit in it on any machine
        breakerHalfOpenAfterMs: HALF_OPEN_MS,
      },
    });
    let n = 0;
    stub.handler = (_req, res) => (n++ % 2 === 0 ? json(res, 503, {}) : json(res, 200, aProduct()));
    for (let i = 0; i < 30 && (await circuit('catalog')) !== OPEN; i++)
      await core.client.getProduct(i + 1).catch(() => undefined);
    expect(await circuit('catalog')).toBe(OPEN);
    expect(stub.count()).toBeGreaterThanOrEqual(20);
  });

  it('does not open on answers that are our fault (404, 400)', async () => {
    stub.handler = sequence([404]);
    for (let i = 0; i < 10; i++)
      await expect(core.client.getProduct(i + 1)).rejects.toMatchObject({ status: 404 });
    expect(await circuit('catalog')).toBe(CLOSED);
    expect(stub.count()).toBe(10);
  });

  it('keeps one breaker per downstream group: a failing reviews service leaves the catalog reachable', async () => {
    stub.handler = (req, res) =>
      req.url?.includes('/reviews') ? json(res, 503, {}) : json(res, 200, aProduct());
    for (let i = 0; i < 5; i++) await core.client.getReviews(i + 1).catch(() => undefined);
    expect(await circuit('reviews')).toBe(OPEN);
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(await circuit('catalog')).toBe(CLOSED);
  });

  it('runs getCategoryFacets in the catalog group: failing product reads open its breaker, reviews stay reachable', async () => {
    stub.handler = (req, res) =>
      req.url?.startsWith('/products/') && !req.url.includes('/reviews')
        ? json(res, 503, {})
        : json(res, 200, aReviewPage());
    for (let i = 0; i < 5; i++)
      await expect(core.client.getProduct(i + 1)).rejects.toMatchObject({ status: 503 });
    expect(await circuit('catalog')).toBe(OPEN);
    const reached = stub.count();

    // Refused at once by the catalog's open breaker: it never reaches core-api.
    await expect(core.client.getCategoryFacets('kitchen')).rejects.toMatchObject({
      status: 503,
      code: 'core_api_circuit_open',
    });
    expect(stub.count()).toBe(reached);
    // Another group's operation still goes through.
    await expect(core.client.getReviews(1)).resolves.toEqual(aReviewPage());
    expect(stub.count()).toBe(reached + 1);
    expect(await circuit('reviews')).toBe(CLOSED);
  });
});
