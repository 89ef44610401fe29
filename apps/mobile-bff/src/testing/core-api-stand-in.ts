// A stand-in core-api for mobile-bff's HTTP tests: the demo customers, a product catalog built
// from core-client's fixtures, a cart and orders per customer, and every request's headers kept.
import {
  aProduct,
  aProductSummary,
  aRatingSummary,
  aReview,
  aReviewPage,
  anInventory,
  json,
  relatedProducts,
  StubCoreApi,
} from '@bff/core-client/testing';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export const ADA = {
  id: 1,
  email: 'ada@example.com',
  password: 'storefront-demo-ada',
  displayName: 'Ada',
};

export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });

const emptyCart = {
  id: null,
  items: [],
  itemCount: 0,
  subtotal: { amountMinor: 0, currency: 'EUR' },
};

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

function aCart(productId: number, quantity: number) {
  const line = {
    productId,
    name: `Kettle ${productId}`,
    unitPrice: eur(5099),
    quantity,
    lineTotal: eur(5099 * quantity),
    available: 3,
  };
  return { id: 3, items: [line], itemCount: quantity, subtotal: eur(5099 * quantity) };
}

function anOrder(id: number) {
  const lines = [
    { productId: 1, name: 'Kettle 1', unitPrice: eur(5099), quantity: 2, lineTotal: eur(10198) },
  ];
  return {
    id,
    status: 'placed',
    shipping: 'standard',
    lines,
    subtotal: eur(10198),
    shippingCost: eur(499),
    total: eur(10697),
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Starts the stand-in; `seen` lists every request that reached it, with its headers. */
export async function startCoreApiStandIn(): Promise<{ stub: StubCoreApi; seen: Seen[] }> {
  const stub = new StubCoreApi();
  const seen: Seen[] = [];
  stub.handler = (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    void route(req, res);
  };
  await stub.start();
  return { stub, seen };
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://core');
  const path = url.pathname;
  if (req.method === 'POST' && path === '/auth/verify') {
    const { email, password } = JSON.parse((await readBody(req)) || '{}') as {
      email?: string;
      password?: string;
    };
    if (email === ADA.email && password === ADA.password) {
      return json(res, 200, {
        customer: { id: ADA.id, email: ADA.email, displayName: ADA.displayName },
      });
    }
    return json(res, 401, {
      status: 401,
      code: 'invalid_credentials',
      detail: 'The e-mail address or the password is wrong.',
    });
  }
  let match = /^\/products\/(\d+)(\/.*)?$/.exec(path);
  if (match) {
    const id = Number(match[1]);
    if (id > 1000)
      return json(res, 404, {
        status: 404,
        code: 'product_not_found',
        detail: `No product has id ${id}.`,
      });
    switch (match[2]) {
      case undefined:
        return json(res, 200, aProduct({ id, name: `Kettle ${id}` }));
      case '/reviews':
        return json(
          res,
          200,
          aReviewPage(
            [1, 2, 3].map((r) =>
              aReview({ id: r, productId: id, body: 'Solid and quiet. '.repeat(12) }),
            ),
          ),
        );
      case '/reviews/summary':
        return json(res, 200, { ...aRatingSummary({ '5': 3, '4': 1 }), productId: id });
      case '/related':
        return json(res, 200, {
          ...relatedProducts(id + 1, id + 2, id + 3, id + 4),
          productId: id,
        });
    }
  }
  if ((match = /^\/inventory\/(\d+)$/.exec(path)))
    return json(res, 200, { ...anInventory(), productId: Number(match[1]) });
  if (path === '/categories') {
    return json(res, 200, {
      items: [{ id: 1, slug: 'kitchen', name: 'Kitchen', productCount: 40 }],
    });
  }
  if (path === '/products') {
    const cursor = url.searchParams.get('cursor');
    const limit = Number(url.searchParams.get('limit') ?? 3);
    // The first page has `limit` products, the second (and last) two more.
    const ids = cursor ? [limit + 1, limit + 2] : Array.from({ length: limit }, (_, i) => i + 1);
    const items = ids.map((id) => aProductSummary(id));
    return json(res, 200, { items, nextCursor: cursor ? null : 'cGFnZTI', missing: [] });
  }
  if (path === '/carts/me') return json(res, 200, emptyCart);
  if ((match = /^\/carts\/me\/items\/(\d+)$/.exec(path))) {
    if (req.method === 'DELETE') return json(res, 200, emptyCart);
    const { quantity = 1 } = JSON.parse((await readBody(req)) || '{}') as { quantity?: number };
    return json(res, 200, aCart(Number(match[1]), quantity));
  }
  if (req.method === 'POST' && path === '/orders') {
    if (!req.headers['idempotency-key'])
      return json(res, 400, { status: 400, code: 'validation_failed' });
    return json(res, 201, anOrder(7));
  }
  if (path === '/orders') return json(res, 200, { items: [anOrder(7)], nextCursor: null });
  if ((match = /^\/orders\/(\d+)$/.exec(path))) {
    const id = Number(match[1]);
    return id === 7
      ? json(res, 200, anOrder(7))
      : json(res, 404, { status: 404, code: 'order_not_found', detail: `No order has id ${id}.` });
  }
  return json(res, 404, { status: 404, code: 'not_found', detail: 'No such thing.' });
}
