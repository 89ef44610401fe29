import { aProduct, json, StubCoreApi, TestClient, testClient } from '@bff/core-client/testing';
import { aggregate, optional, required } from './aggregate';

describe('aggregate', () => {
  it('loads every part in parallel and reports nothing degraded when all succeed', async () => {
    // Decided by order, not by the clock: each part waits until all three have started.
    let started = 0;
    let allStarted: () => void = () => undefined;
    const together = new Promise<void>((resolve) => (allStarted = resolve));
    const part =
      <T>(value: T) =>
      async () => {
        if (++started === 3) allStarted();
        await together;
        return value;
      };
    const result = await aggregate({
      a: required(part(1)),
      b: optional(part('x')),
      c: optional(part(true)),
    });
    expect(started).toBe(3);
    expect(result).toEqual({ parts: { a: 1, b: 'x', c: true }, degraded: [] });
  });

  it('leaves a failed optional part out and names it in degraded', async () => {
    const seen: string[] = [];
    const result = await aggregate(
      {
        a: required(async () => 1),
        b: optional(() => Promise.reject(new Error('down'))),
        c: optional(async () => 3),
      },
      { onDegraded: (part) => seen.push(part) },
    );
    expect(result.parts).toEqual({ a: 1, c: 3 });
    expect('b' in result.parts).toBe(false);
    expect(result.degraded).toEqual(['b']);
    expect(seen).toEqual(['b']);
  });

  it('fails with the required part’s own error, without waiting for slow optional parts', async () => {
    const boom = new Error('required failed');
    // The optional part settles only when the test says so: aggregate must not wait for it.
    let settleSlow: () => void = () => undefined;
    let slowSettled = false;
    const slow = optional(() =>
      new Promise<void>((resolve) => (settleSlow = resolve)).then(() => void (slowSettled = true)),
    );
    await expect(aggregate({ a: required(() => Promise.reject(boom)), b: slow })).rejects.toBe(
      boom,
    );
    expect(slowSettled).toBe(false);
    settleSlow();
  });

  describe('over real HTTP with CoreApiClient', () => {
    const stub = new StubCoreApi();
    let core: TestClient;
    beforeAll(async () => {
      await stub.start();
      core = testClient(stub.url, { resilience: { retries: 0 } });
    });
    afterAll(async () => {
      await core.close();
      await stub.stop();
    });

    it('degrades when the reviews service fails and fails with 503 when the product does', async () => {
      stub.handler = (req, res) =>
        req.url?.includes('/reviews') ? json(res, 503, {}) : json(res, 200, aProduct());
      const page = await aggregate({
        product: required(() => core.client.getProduct(1)),
        reviews: optional(() => core.client.getReviews(1)),
      });
      expect(page.degraded).toEqual(['reviews']);
      expect(page.parts.product.id).toBe(1);

      stub.handler = (_req, res) => json(res, 503, {});
      await expect(
        aggregate({ product: required(() => core.client.getProduct(2)) }),
      ).rejects.toMatchObject({ status: 503 });
    });
  });
});
