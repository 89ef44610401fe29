import { FakeShop } from '../../testing/fake-shop';
import { json } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';
import { DEFAULT_RESILIENCE } from './resilience.options';
import { IN_FLIGHT_POLL_MS } from './failure-kinds';

const shop = new FakeShop();
shop.setItem(1, 2, 1);
const ORDER = shop.placeOrder(1, 'double-click');
const IN_FLIGHT = { status: 409, code: 'request_in_flight', detail: 'Still placing it.' };
/** Wide: the point is "bounded by the deadline", not how fast this machine is (the old wait ran 10.6 s). */
const MARGIN_MS = 1_000;
/** The default retries, under a deadline the waits (0.5 s, then 1 s) fit in with 8 s to spare. */
const RESILIENCE = { deadlineMs: 10_000, attemptTimeoutMs: 5_000 };

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => error,
  );

describe("core-api's 409 request_in_flight: asked again within the call's retries and deadline (over real HTTP)", () => {
  const { stub, core } = useStubCoreApi({ resilience: RESILIENCE });
  const posts = () => stub.count('/orders');

  it('answers a repeat with the order the first request placed, once core-api has it', async () => {
    const keys: unknown[] = [];
    stub.handler = (req, res) => {
      keys.push(req.headers['idempotency-key']);
      return keys.length < 3 ? json(res, 409, IN_FLIGHT) : json(res, 201, ORDER);
    };
    const started = Date.now();
    await expect(core.client.placeOrder(1, 'double-click')).resolves.toEqual(ORDER);
    expect(keys).toEqual(['double-click', 'double-click', 'double-click']);
    // It waited 500 ms, then 1 s: core-api was not hammered while the first request ran.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * IN_FLIGHT_POLL_MS - 10);
  });

  it('sends at most 3 POSTs inside the deadline when core-api answers request_in_flight forever, then passes the 409 on', async () => {
    stub.handler = (_req, res) => json(res, 409, IN_FLIGHT);
    const started = Date.now();
    const failure = await outcome(core.client.placeOrder(1, 'stuck'));
    const elapsed = Date.now() - started;
    expect(failure).toMatchObject({ status: 409, code: 'request_in_flight' });
    // The first POST and the call's 2 retries: never one per poll for 10 s (101 POSTs before).
    expect(posts()).toBe(1 + DEFAULT_RESILIENCE.retries);
    expect(elapsed).toBeLessThan(RESILIENCE.deadlineMs + MARGIN_MS);
  });

  it('never waits past the deadline, whatever the retries allow: 5 retries under a 600 ms deadline ask at most twice', async () => {
    core.use({ resilience: { retries: 5, deadlineMs: 600, attemptTimeoutMs: 600 } });
    stub.handler = (_req, res) => json(res, 409, IN_FLIGHT);
    const started = Date.now();
    const failure = await outcome(core.client.placeOrder(1, 'stuck'));
    const elapsed = Date.now() - started;
    // A wait is only started when it ends before the deadline: at 0 and 500 ms; the next wait
    // (1 s) would end past 600 ms. On a machine too slow for even the second, one POST.
    expect(posts()).toBeGreaterThanOrEqual(1);
    expect(posts()).toBeLessThanOrEqual(2);
    expect(elapsed).toBeLessThan(600 + MARGIN_MS);
    // Normally the 409 itself; on a machine so loaded that one answer took past the deadline, 504.
    expect([409, 504]).toContain((failure as { getStatus(): number }).getStatus());
  });

  it('does not wait for a Retry-After beyond the deadline: one POST, the 409 at once', async () => {
    stub.handler = (_req, res) => json(res, 409, IN_FLIGHT, { 'retry-after': '30' });
    const started = Date.now();
    await expect(core.client.placeOrder(1, 'slow')).rejects.toMatchObject({
      code: 'request_in_flight',
    });
    expect(posts()).toBe(1);
    // Waiting would take the 30 s asked; 5 s leaves a loaded machine room for one answer.
    expect(Date.now() - started).toBeLessThan(5 * MARGIN_MS);
  });

  it('passes any other refusal on at once: one POST', async () => {
    stub.handler = (_req, res) =>
      json(res, 409, { status: 409, code: 'insufficient_stock', detail: 'Only 1 left.' });
    await expect(core.client.placeOrder(1, 'short-stock')).rejects.toMatchObject({
      code: 'insufficient_stock',
    });
    expect(posts()).toBe(1);
  });

  it('does not ask again without an Idempotency-Key to make the repeat safe (a write without one is never retried)', async () => {
    stub.handler = (_req, res) => json(res, 409, IN_FLIGHT);
    await expect(
      core.client.runner.call('placeOrder', { method: 'POST', path: '/orders', body: {} }, 1),
    ).rejects.toMatchObject({ code: 'request_in_flight' });
    expect(posts()).toBe(1);
  });
});
