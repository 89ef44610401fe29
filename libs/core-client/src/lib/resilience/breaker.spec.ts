import { CircuitState } from 'cockatiel';
import { aProduct } from '../../testing/core-api-fixtures';
import { json, sequence } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';

/** Long enough that the 20 fail-fast calls (sub-millisecond each) end well inside it on any machine. */
const HALF_OPEN_MS = 3_000;

describe('circuit breaker (over real HTTP)', () => {
  const { stub, core } = useStubCoreApi({
    resilience: { retries: 0, breakerConsecutiveFailures: 5, breakerHalfOpenAfterMs: HALF_OPEN_MS },
  });

  it('fails fast without touching core-api once it has failed 5 times in a row, then recovers', async () => {
    stub.handler = sequence([503]);
    for (let i = 0; i < 5; i++)
      await expect(core.client.getProduct(i + 1)).rejects.toMatchObject({ status: 503 });
    expect(core.client.runner.policies.breakerOf('getProduct').state).toBe(CircuitState.Open);
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
    expect(core.client.runner.policies.breakerOf('getProduct').state).toBe(CircuitState.Closed);
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
    for (
      let i = 0;
      i < 30 && core.client.runner.policies.breakerOf('getProduct').state === CircuitState.Closed;
      i++
    ) {
      await core.client.getProduct(i + 1).catch(() => undefined);
    }
    expect(core.client.runner.policies.breakerOf('getProduct').state).toBe(CircuitState.Open);
    expect(stub.count()).toBeGreaterThanOrEqual(20);
  });

  it('does not open on answers that are our fault (404, 400)', async () => {
    stub.handler = sequence([404]);
    for (let i = 0; i < 10; i++)
      await expect(core.client.getProduct(i + 1)).rejects.toMatchObject({ status: 404 });
    expect(core.client.runner.policies.breakerOf('getProduct').state).toBe(CircuitState.Closed);
    expect(stub.count()).toBe(10);
  });

  it('keeps one breaker per downstream group: a failing reviews service leaves the catalog reachable', async () => {
    stub.handler = (req, res) =>
      req.url?.includes('/reviews') ? json(res, 503, {}) : json(res, 200, aProduct());
    for (let i = 0; i < 5; i++) await core.client.getReviews(i + 1).catch(() => undefined);
    expect(core.client.runner.policies.breakerOf('getReviews').state).toBe(CircuitState.Open);
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
  });
});
