// Cases every BFF's specs run against the fake core-api: answers core-api must never give (each a
// 502 at the BFF, never a session, a token or a 500), and a checkout core-api keeps "in flight".
import { expectProblem } from '@bff/platform-bootstrap/testing';
import { ADA, FakeCoreApi } from '@bff/core-client/testing';

/** Malformed answers to POST /customers/link: the BFF signs nobody in on them. */
export const MALFORMED_SIGN_INS: [what: string, answer: unknown][] = [
  ['{"id":"x","email":5}', { id: 'x', email: 5 }],
  ['a customer id 0', { ...ADA.customer, id: 0 }],
  ['an empty object', {}],
];

/** Malformed answers about Ada's cart and orders, by the core-api path that gives them. */
export const MALFORMED_PERSONAL_ANSWERS: [path: string, answer: unknown][] = [
  ['/carts/me', { id: 1, items: [{ productId: 'x' }], itemCount: 1 }],
  ['/orders', { items: [{ id: 1, lines: null }], nextCursor: null }],
  ['/orders/1', { id: 1, status: 'placed' }],
];

/** Asserts the 502 problem a BFF answers when core-api's answer breaks its contract. */
export const expectBadGateway = (res: Response | Promise<Response>) =>
  expectProblem(res, 502, 'core_api_bad_response');

/** core-api's answer while an order under the same Idempotency-Key is still being placed. */
export const IN_FLIGHT = { status: 409, code: 'request_in_flight', detail: 'Still placing it.' };

/** The deadline of the in-flight checkout specs, and core-client's default retries. */
const IN_FLIGHT_DEADLINE_MS = 3_000;
export const IN_FLIGHT_ENV = {
  CORE_API_RETRIES: '2',
  CORE_API_DEADLINE_MS: String(IN_FLIGHT_DEADLINE_MS),
};
/** Wide: the point is "bounded by the deadline", not this machine's speed (it used to run 10.6 s). */
const MARGIN_MS = 1_000;
/** A timeout past the old 10.6 s, so a regression fails on the assertions, not on time. */
const TEST_TIMEOUT_MS = 20_000;

/**
 * Registers the test every BFF runs with `IN_FLIGHT_ENV`: while core-api answers every POST
 * /orders with 409 request_in_flight, a checkout of Ada's cart (`checkout`, under one key) asks
 * at most 3 times, ends inside the deadline, and says 409 request_in_flight, so that the client
 * can repeat it with the same key and get the order once core-api has it.
 */
export function itEndsAStuckCheckout(core: FakeCoreApi, checkout: () => Promise<Response>): void {
  it(
    'ends a checkout inside the deadline with at most 3 POST /orders when core-api keeps answering request_in_flight, and says so with a 409',
    async () => {
      core.shop.setItem(ADA.customer.id, 2, 1);
      core.fail('POST', '/orders', 409, { body: IN_FLIGHT });
      const started = Date.now();
      const res = await checkout();
      const elapsed = Date.now() - started;
      await expectProblem(res, 409, 'request_in_flight');
      expect(core.calls.filter((c) => c.method === 'POST' && c.url === '/orders').length).toBe(3);
      expect(elapsed).toBeLessThan(IN_FLIGHT_DEADLINE_MS + MARGIN_MS);
    },
    TEST_TIMEOUT_MS,
  );
}
