import { ProblemException } from '@bff/platform-problem';
import { aProduct, anOrder } from '../../testing/core-api-fixtures';
import { json, sequence } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as ProblemException,
  );

describe('retries (over real HTTP)', () => {
  const { stub, core } = useStubCoreApi({ resilience: { backoffBaseMs: 10 } });

  it('retries a GET answered 503, 503 then 200: three hits and the answer', async () => {
    stub.handler = sequence([503, 503, 200], aProduct({ id: 1 }));
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(3);
  });

  it('gives up after two retries and answers 503', async () => {
    stub.handler = sequence([503]);
    expect((await problemOf(core.client.getProduct(1)))?.getStatus()).toBe(503);
    expect(stub.count()).toBe(3);
  });

  it.each([408, 429, 502, 504])('retries a GET answered %i', async (status) => {
    stub.handler = sequence([status, 200], aProduct());
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(2);
  });

  it('retries a GET whose connection is reset', async () => {
    let first = true;
    stub.handler = (req, res) => {
      if (first) {
        first = false;
        req.socket.destroy();
        return;
      }
      json(res, 200, aProduct());
    };
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(2);
  });

  it('never retries a POST without an Idempotency-Key: one hit, 503', async () => {
    stub.handler = sequence([503]);
    expect(
      (
        await problemOf(
          core.client.linkCustomer({
            subject: 'subject-ada',
            email: 'ada@example.com',
            displayName: 'Ada',
            emailVerified: true,
          }),
        )
      )?.getStatus(),
    ).toBe(503);
    expect(stub.count()).toBe(1);
  });

  it('retries a POST that carries an Idempotency-Key', async () => {
    stub.handler = sequence([503, 200], anOrder());
    await expect(core.client.placeOrder(1, 'key-1')).resolves.toMatchObject({ id: 1 });
    expect(stub.count()).toBe(2);
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries a %i: one hit', async (status) => {
    stub.handler = sequence([status]);
    const problem = await problemOf(core.client.getProduct(1));
    expect(problem?.getStatus()).toBe(status === 404 ? 404 : 502);
    expect(stub.count()).toBe(1);
  });

  it('waits as long as Retry-After asks when the deadline allows it', async () => {
    let n = 0;
    stub.handler = (_req, res) =>
      n++ === 0 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, aProduct());
    const started = Date.now();
    await expect(core.client.getProduct(1)).resolves.toMatchObject({ id: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(stub.count()).toBe(2);
  });

  it('does not wait for a Retry-After beyond the deadline: answers 503 at once', async () => {
    stub.handler = (_req, res) => json(res, 503, {}, { 'retry-after': '60' });
    const started = Date.now();
    expect((await problemOf(core.client.getProduct(1)))?.getStatus()).toBe(503);
    // Waiting would take the 60 s asked (or the 30 s deadline); 5 s leaves a loaded machine room.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stub.count()).toBe(1);
  });
});
