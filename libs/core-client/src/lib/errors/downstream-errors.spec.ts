import { DownstreamFailure } from '../transport/downstream-failure';
import { toDownstreamProblem } from './downstream-errors';

const withStatus = (status: number, body: unknown = {}) =>
  DownstreamFailure.answered({ status, headers: {}, body });

describe('toDownstreamProblem', () => {
  it('passes a 404 through with core-api’s code', () => {
    const problem = toDownstreamProblem(
      withStatus(404, { code: 'product_not_found' }),
      'getProduct',
    );
    expect(problem.getStatus()).toBe(404);
    expect(problem.code).toBe('product_not_found');
  });

  it.each([502, 503, 429, 408])('answers 503 when core-api answers %i', (status) => {
    expect(toDownstreamProblem(withStatus(status), 'getProduct').getStatus()).toBe(503);
  });

  it('answers 503 when core-api cannot be reached and 504 when it is too slow', () => {
    const refused = new DownstreamFailure('network', 'refused', { code: 'ECONNREFUSED' });
    expect(toDownstreamProblem(refused, 'getProduct').getStatus()).toBe(503);
    const slow = new DownstreamFailure('timeout', 'slow', { code: 'ETIMEDOUT' });
    expect(toDownstreamProblem(slow, 'getProduct').getStatus()).toBe(504);
    expect(toDownstreamProblem(withStatus(504), 'getProduct').getStatus()).toBe(504);
  });

  it('answers 502 for an answer too large to read', () => {
    const large = new DownstreamFailure('too_large', 'larger than 1048576 bytes');
    expect(toDownstreamProblem(large, 'getProduct')).toMatchObject({
      status: 502,
      code: 'core_api_bad_response',
    });
  });

  it('answers 502 when core-api rejects our request or fails unexpectedly', () => {
    for (const status of [400, 401, 422, 500])
      expect(toDownstreamProblem(withStatus(status), 'getProduct').getStatus()).toBe(502);
    // A 400 about input the BFF built itself (not one of the operation's caller fields) is our bug.
    const ids = {
      errors: [{ field: 'ids', in: 'query', messages: ['ids must be a list of ids'] }],
    };
    expect(toDownstreamProblem(withStatus(400, ids), 'getProducts').getStatus()).toBe(502);
    expect(toDownstreamProblem(withStatus(400, ids), 'listProducts').getStatus()).toBe(502);
    expect(toDownstreamProblem(withStatus(400), 'listOrders').getStatus()).toBe(502);
    expect(toDownstreamProblem(new TypeError('boom'), 'getProduct').getStatus()).toBe(502);
  });

  it('passes the end user’s own failures through for the operations where they are answers', () => {
    const link = toDownstreamProblem(
      withStatus(409, { code: 'email_taken', detail: 'Taken.' }),
      'linkCustomer',
    );
    expect([link.getStatus(), link.code, link.message]).toEqual([409, 'email_taken', 'Taken.']);
    const busy = toDownstreamProblem(withStatus(409, { code: 'request_in_flight' }), 'placeOrder');
    expect([busy.getStatus(), busy.code]).toEqual([409, 'request_in_flight']);
    expect(
      toDownstreamProblem(
        withStatus(422, { code: 'idempotency_key_reused' }),
        'placeOrder',
      ).getStatus(),
    ).toBe(422);
    expect(toDownstreamProblem(withStatus(401), 'getCart').getStatus()).toBe(502);
    expect(toDownstreamProblem(withStatus(422), 'placeOrder').message).toBe(
      'core-api refused the request.',
    );
    expect(toDownstreamProblem(withStatus(409), 'getProduct').getStatus()).toBe(502);
  });

  it("answers a 400 about the end user's own input (cursor, price range) as their 400, in the BFF's terms", () => {
    const problem = toDownstreamProblem(
      withStatus(400, {
        code: 'validation_failed',
        detail: 'listProducts: internal detail',
        errors: [
          {
            field: 'minPrice',
            in: 'query',
            messages: ['minPrice must not be greater than maxPrice', 'x'.repeat(500), 7],
          },
          { field: 'category', in: 'query', messages: ['category must be a category slug'] },
          { field: 'cursor', in: 'internal', messages: [] },
        ],
      }),
      'listProducts',
    );
    expect(problem.getStatus()).toBe(400);
    expect(problem.code).toBe('validation_failed');
    expect(problem.message).toBe(
      'minPrice: minPrice must not be greater than maxPrice (and 1 more)',
    );
    expect(problem.extensions).toEqual({
      errors: [
        {
          field: 'minPrice',
          in: 'query',
          messages: ['minPrice must not be greater than maxPrice'],
        },
        { field: 'cursor', messages: ['cursor is not valid'] },
      ],
    });
  });
});
