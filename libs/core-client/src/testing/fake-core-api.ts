// One fake core-api for every BFF's HTTP tests: a node:http server on 127.0.0.1 (StubCoreApi)
// that answers each route CoreApiClient calls, from the fake catalog and shop, and records
// every request it receives. Its answers are checked against openapi/core-api.json
// (fake-core-api.contract.spec.ts); a test changes one with `fail`, `hang` or `answer`.
import { SHIPPING_METHODS, ShippingMethod } from '@bff/core-contracts';
import { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import {
  batchOf,
  categoryFacets,
  categoryList,
  existing,
  fakeInventory,
  FakeProblem,
  fakeProduct,
  fakeRatingSummary,
  listProducts,
  relatedTo,
  reviewPage,
} from './fake-catalog';
import { FailOptions, FaultRules, HttpMethod, pathMatcher, problemBody } from './fake-faults';
import {
  customerOf,
  FakeRequest,
  isLivenessCheck,
  parseBody,
  pathOf,
  subjectOf,
} from './fake-request';
import { customerById, FakeShop, linkCustomer } from './fake-shop';
import { json, StubCoreApi } from './stub-server';

export interface RecordedCall {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw request body ('' when there was none). */
  body: string;
}

type Answer = (req: FakeRequest, param: string) => unknown;

export class FakeCoreApi {
  /**
   * Every request to core-api's API that reached the fake, oldest first (those a fault answered
   * included). Looks at its liveness (`GET /health/live`: the BFF's start-up probe and readiness,
   * which land whenever the machine lets them) are counted in `livenessChecks` instead.
   */
  readonly calls: RecordedCall[] = [];
  livenessChecks = 0;
  /** Carts and orders per customer; `reset()` starts a new, empty one. */
  shop = new FakeShop();
  private readonly stub = new StubCoreApi();
  private readonly faults = new FaultRules();
  private answered = 0;

  /** Each route of core-api the fake serves: method, path (`:name` for a segment), answer. */
  private readonly routes: [method: HttpMethod, path: string, answer: Answer, status?: number][] = [
    ['POST', '/customers/link', ({ body }) => linkCustomer(body)],
    ['GET', '/customers/me', (req) => customerById(customerOf(req))],
    ['GET', '/categories', () => categoryList()],
    ['GET', '/categories/:slug/facets', (_, slug) => categoryFacets(decodeURIComponent(slug))],
    ['GET', '/products', ({ query }) => listProducts(query)],
    ['GET', '/products/:id', (_, id) => fakeProduct(existing(id))],
    ['GET', '/products/:id/reviews', ({ query }, id) => reviewPage(existing(id), query)],
    ['GET', '/products/:id/reviews/summary', (_, id) => fakeRatingSummary(existing(id))],
    ['GET', '/products/:id/related', ({ query }, id) => relatedTo(existing(id), query)],
    ['GET', '/reviews/summaries', ({ query }) => batchOf(query, fakeRatingSummary)],
    ['GET', '/inventory', ({ query }) => batchOf(query, fakeInventory)],
    ['GET', '/inventory/:productId', (_, id) => fakeInventory(existing(id))],
    ['GET', '/carts/me', (req) => this.shop.cart(customerOf(req))],
    [
      'PUT',
      '/carts/me/items/:productId',
      (req, id) => this.shop.setItem(customerOf(req), Number(id), req.body['quantity']),
    ],
    [
      'DELETE',
      '/carts/me/items/:productId',
      (req, id) => this.shop.removeItem(customerOf(req), Number(id)),
    ],
    ['POST', '/orders', (req) => this.placeOrder(req), 201],
    ['GET', '/orders', (req) => this.shop.orderPage(customerOf(req), req.query)],
    ['GET', '/orders/:id', (req, id) => this.shop.order(customerOf(req), Number(id))],
  ];
  private readonly matchers = this.routes.map(([, path]) => pathMatcher(path));

  /** The routes the fake serves besides `GET /health/live`, e.g. `GET /products/:id`. */
  get served(): string[] {
    return this.routes.map(([method, path]) => `${method} ${path}`);
  }

  get url(): string {
    return this.stub.url;
  }

  async start(): Promise<this> {
    this.stub.handler = (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (isLivenessCheck(req)) this.livenessChecks++;
        else
          this.calls.push({
            method: req.method ?? '',
            url: req.url ?? '',
            headers: req.headers,
            body,
          });
        if (this.faults.handle(req.method ?? '', pathOf(req), res)) return;
        this.respond(req, res, body);
      });
    };
    await this.stub.start();
    return this;
  }

  stop(): Promise<void> {
    this.faults.clear();
    return this.stub.stop();
  }

  /** Forgets the recorded calls, the faults (dropping hanging requests), every cart and order. */
  reset(): void {
    this.calls.length = 0;
    this.livenessChecks = 0;
    this.faults.clear();
    this.shop = new FakeShop();
  }

  /**
   * Answers `status` to `method path` (exact, or with `:name` segments: `/products/:id/reviews`;
   * the query does not count), with a problem like core-api's unless `options.body` says otherwise.
   */
  fail(method: HttpMethod, path: string, status: number, options: FailOptions = {}): this {
    this.faults.answer(method, path, status, options);
    return this;
  }

  /** Answers `method path` with `status` and `body` (e.g. a malformed 200) instead of the fake. */
  answer(
    method: HttpMethod,
    path: string,
    status: number,
    body: unknown,
    options: Omit<FailOptions, 'body'> = {},
  ): this {
    this.faults.answer(method, path, status, { ...options, body });
    return this;
  }

  /** Leaves `method path` unanswered until `reset()` or `stop()`: a core-api that hangs. */
  hang(method: HttpMethod, path: string): this {
    this.faults.hang(method, path);
    return this;
  }

  private respond(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://core-api');
    // Liveness is public (BFFs' readiness checks ask it); everything else needs a service token.
    if (isLivenessCheck(req)) {
      return json(res, 200, { status: 'ok' });
    }
    try {
      const request: FakeRequest = {
        query: url.searchParams,
        body: parseBody(body),
        headers: req.headers,
        customerId: subjectOf(req.headers.authorization),
      };
      for (const [i, [method, , answer, status = 200]] of this.routes.entries()) {
        const params = req.method === method ? this.matchers[i]?.(url.pathname) : undefined;
        if (params) return json(res, status, answer(request, params[0] ?? ''));
      }
      throw new FakeProblem(404, 'not_found', `core-api has no ${req.method} ${url.pathname}.`);
    } catch (error) {
      // A bug of the fake is a loud 500, never a hanging request.
      const { status, code, detail, errors } =
        error instanceof FakeProblem ? error : new FakeProblem(500, 'fake_failed', String(error));
      const requestId = `fake-${++this.answered}`;
      const extension = { code, detail, ...(errors ? { errors } : {}) };
      json(res, status, problemBody(status, url.pathname, requestId, extension));
    }
  }

  private placeOrder(req: FakeRequest) {
    const key = req.headers['idempotency-key'];
    const shipping = req.body['shipping'] ?? 'standard';
    if (typeof key !== 'string' || !key || !SHIPPING_METHODS.includes(shipping as ShippingMethod)) {
      throw new FakeProblem(
        400,
        'validation_failed',
        'An Idempotency-Key and a known shipping method are required.',
      );
    }
    return this.shop.placeOrder(customerOf(req), key, shipping as ShippingMethod);
  }
}
