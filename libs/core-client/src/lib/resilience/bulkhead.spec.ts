import { aProduct } from '../../testing/core-api-fixtures';
import { json } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';

describe('bulkhead (over real HTTP)', () => {
  const { stub, core } = useStubCoreApi({
    resilience: {
      bulkheadLimit: 4,
      bulkheadQueue: 4,
      retries: 0,
      attemptTimeoutMs: 800,
      deadlineMs: 900,
    },
  });

  it('keeps calls to the catalog fast while a slow reviews service fills its own bulkhead', async () => {
    // Reviews take 600 ms; the catalog answers at once.
    stub.handler = (req, res) => {
      if (req.url?.includes('/reviews'))
        setTimeout(() => json(res, 200, { items: [], nextCursor: null }), 600);
      else json(res, 200, aProduct());
    };
    const slow = Array.from({ length: 20 }, (_, i) =>
      core.client.getReviews(i + 1).then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));

    const timings: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      await expect(core.client.getProduct(i + 1)).resolves.toMatchObject({ id: 1 });
      timings.push(performance.now() - started);
    }
    expect(Math.max(...timings)).toBeLessThan(100);

    const outcomes = await Promise.all(slow);
    // 4 ran, 4 waited, the other 12 were shed at once instead of piling up.
    expect(outcomes.filter((o) => o === 'core_api_overloaded')).toHaveLength(12);
    expect(stub.count('/products/') - 10).toBeLessThanOrEqual(8);
  });
});
