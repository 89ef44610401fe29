import { aProduct } from '../../testing/core-api-fixtures';
import { json } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';
import { until } from '../../testing/until';

describe('bulkhead (over real HTTP)', () => {
  // Timeouts far beyond the test: a held reviews call must stay held however slow the machine is.
  const { stub, core } = useStubCoreApi({
    resilience: {
      bulkheadLimit: 4,
      bulkheadQueue: 4,
      retries: 0,
      attemptTimeoutMs: 30_000,
      deadlineMs: 30_000,
    },
  });

  it('keeps calls to the catalog going while a stuck reviews service fills its own bulkhead', async () => {
    // Reviews hang until the test lets them go; the catalog answers at once.
    const held: Array<() => void> = [];
    stub.handler = (req, res) => {
      if (req.url?.includes('/reviews'))
        held.push(() => json(res, 200, { items: [], nextCursor: null }));
      else json(res, 200, aProduct());
    };
    const slow = Array.from({ length: 20 }, (_, i) =>
      core.client.getReviews(i + 1).then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      ),
    );
    await until(() => held.length === 4);

    // Decided by order, not by the clock: every catalog call is answered while all four reviews
    // calls are still stuck at core-api and four more wait in their queue.
    for (let i = 0; i < 10; i++) {
      await expect(core.client.getProduct(i + 1)).resolves.toMatchObject({ id: 1 });
    }
    expect(held).toHaveLength(4);

    held.splice(0).forEach((release) => release());
    await until(() => held.length === 4);
    held.splice(0).forEach((release) => release());
    const outcomes = await Promise.all(slow);
    // 4 ran, 4 waited, the other 12 were shed at once instead of piling up.
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(8);
    expect(outcomes.filter((o) => o === 'core_api_overloaded')).toHaveLength(12);
  });
});
