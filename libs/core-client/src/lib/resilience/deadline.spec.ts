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

  // Margins, not speed: the retry starts 2 s before the deadline (it needs milliseconds to reach
  // the stub), and the deadline (6 s) is far from the 16 s the attempts would take without it, with
  // 5 s of room for late timers on a loaded machine.
  const DEADLINE = { attemptTimeoutMs: 4_000, deadlineMs: 6_000, retries: 3, backoffBaseMs: 10 };
  const ROOM_MS = 5_000;

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
    expect(took).toBeLessThan(DEADLINE.deadlineMs + ROOM_MS);
    // The first attempt timed out at 4 s, the retry was cut by the deadline, the third never began.
    expect(stub.count()).toBe(2);
  });

  it('aborts an abandoned attempt so core-api sees the request go away', async () => {
    core.use({ resilience: { attemptTimeoutMs: 4_000, deadlineMs: 5_000, retries: 0 } });
    hang();
    await expect(core.client.getProduct(1)).rejects.toMatchObject({ status: 504 });
    await until(() => aborted === 1);
    expect(aborted).toBe(1);
  });

  it('retries an attempt that timed out when the next one can answer in time', async () => {
    core.use({ resilience: { attemptTimeoutMs: 4_000, deadlineMs: 20_000, backoffBaseMs: 10 } });
    let n = 0;
    stub.handler = (_req, res) => (n++ === 0 ? undefined : json(res, 200, aProduct()));
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(2);
  });
});
