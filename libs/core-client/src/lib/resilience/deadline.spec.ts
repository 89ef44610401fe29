import { ProblemException } from '@bff/platform-problem';
import { aProduct } from '../../testing/core-api-fixtures';
import { json } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';
import { DEFAULT_RESILIENCE } from './resilience.options';

describe('timeouts and the deadline (over real HTTP)', () => {
  const { stub, core } = useStubCoreApi();
  let aborted = 0;

  beforeEach(() => {
    aborted = 0;
  });

  const hang = () => {
    stub.handler = (req) => req.socket.once('close', () => aborted++); // never answers
  };

  it('answers 504 within the default 3 s deadline + 100 ms when core-api hangs, retries included', async () => {
    stub.handler = (_req, res) => json(res, 200, aProduct());
    await core.client.getProduct(2); // warm up: JIT, keep-alive connection, signed token
    stub.hits.length = 0;
    hang();
    const started = Date.now();
    const problem = (await core.client.getProduct(1).catch((e: unknown) => e)) as ProblemException;
    const took = Date.now() - started;
    expect(problem.getStatus()).toBe(504);
    expect(took).toBeLessThan(DEFAULT_RESILIENCE.deadlineMs + 100);
    expect(took).toBeGreaterThanOrEqual(DEFAULT_RESILIENCE.deadlineMs - 50);
    // 1 s per attempt: the first two attempts timed out and a third was cut by the deadline.
    expect(stub.count()).toBe(3);
  });

  it('aborts an abandoned attempt so core-api sees the request go away', async () => {
    core.use({ resilience: { attemptTimeoutMs: 100, deadlineMs: 250, retries: 0 } });
    hang();
    await expect(core.client.getProduct(1)).rejects.toMatchObject({ status: 504 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(aborted).toBe(1);
  });

  it('retries an attempt that timed out when the next one can answer in time', async () => {
    core.use({ resilience: { attemptTimeoutMs: 150, deadlineMs: 1_000, backoffBaseMs: 10 } });
    let n = 0;
    stub.handler = (_req, res) => (n++ === 0 ? undefined : json(res, 200, aProduct()));
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(2);
  });
});
