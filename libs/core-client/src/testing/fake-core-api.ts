// One fake core-api for every BFF's HTTP tests: a node:http server on 127.0.0.1 (StubCoreApi)
// that answers each route CoreApiClient calls, from the fake catalog and shop, and records
// every request it receives.
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
import { customerById, FakeShop, verifyCredentials } from './fake-shop';
import { json, StubCoreApi } from './stub-server';

export interface RecordedCall {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw request body ('' when there was none). */
  body: string;
}

/**
 * Runs before the fake's own answer. Return true when it took the request over: answered it
 * (a failure, something else) or left it hanging on purpose; false to let the fake answer.
 */
export type CoreApiOverride = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
) => boolean | void;

interface FakeRequest {
  query: URLSearchParams;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** From the service token's subject: a customer id, or null for `anonymous`. */
  customerId: number | null;
}

type Answer = (req: FakeRequest, param: string) => unknown;

export class FakeCoreApi {
  /**
   * Every request to core-api's API that reached the fake, oldest first (overridden ones
   * included). Looks at its liveness (`GET /health/live`: the BFF's start-up probe and readiness,
   * which land whenever the machine lets them) are counted in `livenessChecks` instead.
   */
  readonly calls: RecordedCall[] = [];
  livenessChecks = 0;
  override?: CoreApiOverride;
  /** Carts and orders per customer; `reset()` starts a new, empty one. */
  shop = new FakeShop();
  private readonly stub = new StubCoreApi();

  private readonly routes: [method: string, path: RegExp, answer: Answer, status?: number][] = [
    ['POST', /^\/auth\/verify$/, ({ body }) => verifyCredentials(body['email'], body['password'])],
    ['GET', /^\/customers\/me$/, (req) => customerById(customerOf(req))],
    ['GET', /^\/categories$/, () => categoryList()],
    [
      'GET',
      /^\/categories\/([^/]+)\/facets$/,
      (_, slug) => categoryFacets(decodeURIComponent(slug)),
    ],
    ['GET', /^\/products$/, ({ query }) => listProducts(query)],
    ['GET', /^\/products\/([^/]+)$/, (_, id) => fakeProduct(existing(id))],
    ['GET', /^\/products\/([^/]+)\/reviews$/, ({ query }, id) => reviewPage(existing(id), query)],
    ['GET', /^\/products\/([^/]+)\/reviews\/summary$/, (_, id) => fakeRatingSummary(existing(id))],
    ['GET', /^\/products\/([^/]+)\/related$/, ({ query }, id) => relatedTo(existing(id), query)],
    ['GET', /^\/reviews\/summaries$/, ({ query }) => batchOf(query, fakeRatingSummary)],
    ['GET', /^\/inventory$/, ({ query }) => batchOf(query, fakeInventory)],
    ['GET', /^\/inventory\/([^/]+)$/, (_, id) => fakeInventory(existing(id))],
    ['GET', /^\/carts\/me$/, (req) => this.shop.cart(customerOf(req))],
    [
      'PUT',
      /^\/carts\/me\/items\/([^/]+)$/,
      (req, id) => this.shop.setItem(customerOf(req), Number(id), req.body['quantity']),
    ],
    [
      'DELETE',
      /^\/carts\/me\/items\/([^/]+)$/,
      (req, id) => this.shop.removeItem(customerOf(req), Number(id)),
    ],
    ['POST', /^\/orders$/, (req) => this.placeOrder(req), 201],
    ['GET', /^\/orders$/, (req) => this.shop.orderPage(customerOf(req), req.query)],
    ['GET', /^\/orders\/([^/]+)$/, (req, id) => this.shop.order(customerOf(req), Number(id))],
  ];

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
        if (this.override?.(req, res, body)) return;
        this.answer(req, res, body);
      });
    };
    await this.stub.start();
    return this;
  }

  stop(): Promise<void> {
    return this.stub.stop();
  }

  /** Forgets the recorded calls, the override, and every cart and order. */
  reset(): void {
    this.calls.length = 0;
    this.livenessChecks = 0;
    this.override = undefined;
    this.shop = new FakeShop();
  }

  private answer(req: IncomingMessage, res: ServerResponse, body: string): void {
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
      for (const [method, path, answer, status = 200] of this.routes) {
        const match = req.method === method ? path.exec(url.pathname) : null;
        if (match) return json(res, status, answer(request, match[1] ?? ''));
      }
      throw new FakeProblem(404, 'not_found', `core-api has no ${req.method} ${url.pathname}.`);
    } catch (error) {
      // A bug of the fake is a loud 500, never a hanging request.
      const { status, code, detail, errors } =
        error instanceof FakeProblem ? error : new FakeProblem(500, 'fake_failed', String(error));
      json(res, status, { status, code, detail, ...(errors ? { errors } : {}) });
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

function parseBody(body: string): Record<string, unknown> {
  try {
    return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    throw new FakeProblem(400, 'validation_failed', 'The body is not JSON.');
  }
}

/**
 * The customer a service token speaks for, read from its `sub` (`customer:<id>` or `anonymous`)
 * without verifying it: core-api's own tests prove the verification. No token is a 401.
 */
function subjectOf(authorization: string | undefined): number | null {
  const payload = /^Bearer [\w-]+\.([\w-]+)\.[\w-]+$/.exec(authorization ?? '')?.[1];
  let sub: unknown;
  try {
    sub =
      payload &&
      (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub?: unknown }).sub;
  } catch {
    sub = undefined;
  }
  if (sub === 'anonymous') return null;
  const id = typeof sub === 'string' ? /^customer:(\d+)$/.exec(sub)?.[1] : undefined;
  if (!id) {
    throw new FakeProblem(401, 'service_token_required', 'A valid service token is required.');
  }
  return Number(id);
}

/** Personal routes need a customer: an anonymous token is a 403, as in core-api. */
function customerOf(req: FakeRequest): number {
  if (req.customerId === null) {
    throw new FakeProblem(403, 'customer_required', 'This needs a signed-in customer.');
  }
  return req.customerId;
}

function isLivenessCheck(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.url ?? '').split('?')[0] === '/health/live';
}
