import { ProblemException } from '@bff/platform-problem';
import { aProduct } from '../../testing/core-api-fixtures';
import { json } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';

describe('timeouts and the deadline (over real HTTP)', () => {
  const { stub, core } = useStubCoreApi();
  let aborted = 0;

  beforeEach(() => {
    aborted = 0;
  });

  const hang = () => {
    stub.handler = (req) => req.socket.once('close', () => aborted++); // never answers
  };

  /** Resolves once `condition` holds (checked every 10 ms, for at most 10 s: any machine gets there). */
  const until = async (condition: () => boolean) => {
    for (const stop = Date.now() + 10_000; !condition();) {
      if (Date.now() > stop) throw new Error('condition not met within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  // Margins, not speed: each attempt has 2 s to reach the stub (it needs milliseconds), the second
  // one starts ~0.9 s before the deadline, and the deadline (3 s) is far from the 6 s the attempts
  // would take without it, with 2 s of room for a late timer on a loaded machine.
  const DEADLINE = { attemptTimeoutMs: 2_000, deadlineMs: 3_000, retries: 2, backoffBaseMs: 10 };

  it('answers 504 at the deadline when core-api hangs, cutting the retries short', async () => {
    core.use({ resilience: DEADLINE });
    stub.handler = (_req, res) => json(res, 200, aProduct());
    await core.client.getProduct(2); // warm up: JIT, keep-alive connection, signed token
    stub.hits.length = 0;
    hang();
    const started = Date.now();
    const problem = (await core.client.getProduct(1).catch((e: unknown) => e)) as ProblemException;
    const took = Date.now() - started;
    expect(problem.getStatus()).toBe(504);
    expect(took).toBeGreaterThanOrEqual(DEADLINE.deadlineMs - 50);
    expect(took).toBeLessThan(DEADLINE.deadlineMs + 2_000);
    // The first attempt timed out at 2 s, the retry was cut by the deadline, the third never began.
    expect(stub.count()).toBe(2);
  });

  it('aborts an abandoned attempt so core-api sees the request go away', async () => {
    core.use({ resilience: { attemptTimeoutMs: 2_000, deadlineMs: 3_000, retries: 0 } });
    hang();
    await expect(core.client.getProduct(1)).rejects.toMatchObject({ status: 504 });
    await until(() => aborted === 1);
    expect(aborted).toBe(1);
  });

  it('retries an attempt that timed out when the next one can answer in time', async () => {
    core.use({ resilience: { attemptTimeoutMs: 2_000, deadlineMs: 10_000, backoffBaseMs: 10 } });
    let n = 0;
    stub.handler = (_req, res) => (n++ === 0 ? undefined : json(res, 200, aProduct()));
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(2);
  });
});
