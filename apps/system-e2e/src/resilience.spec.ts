import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningService, startService } from './support/processes';
import { tempKeysDir } from './support/service-tokens';

// The BFFs as real processes against a stand-in for core-api that fails on purpose, per product id:
//   1 everything answers · 2 reviews fail (500) · 3 the product is unavailable (503)
//   4 the product hangs · 5 reviews and related products hang
const images = (id: number) =>
  [160, 320, 640, 1280].map((width) => ({ width, url: `/media/products/${id}/${width}.svg` }));
const product = (id: number) => ({
  id,
  sku: `SKU-${id}`,
  slug: `kettle-${id}`,
  name: 'Kettle',
  brand: 'Fjord',
  category: { id: 1, slug: 'kitchen', name: 'Kitchen' },
  description: 'A kettle.',
  price: { amountMinor: 5099, currency: 'EUR' },
  images: images(id),
  attributes: { colour: 'olive' },
  createdAt: '2025-01-01T00:00:00.000Z',
});
const summary = (id: number) => ({
  id: id + 100,
  slug: 'x',
  name: 'Mug',
  brand: 'Fjord',
  price: { amountMinor: 900, currency: 'EUR' },
  images: images(id + 100),
});

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
  });
  res.end(JSON.stringify(body));
}

function coreApiStub(hits: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    hits.push(url.pathname);
    const [, first, idText, part, sub] = url.pathname.split('/');
    const id = Number(idText);
    if (first === 'inventory')
      return answer(res, 200, {
        productId: id,
        total: 3,
        warehouses: [{ warehouse: 'central', quantity: 3 }],
      });
    if (first !== 'products') return answer(res, 404, { status: 404, code: 'not_found' });
    if (part === undefined) {
      if (id === 3) return answer(res, 503, { status: 503 });
      if (id === 4) return undefined; // hangs
      return answer(res, 200, product(id));
    }
    if (part === 'reviews' && sub === 'summary') {
      return answer(res, 200, {
        productId: id,
        count: 2,
        average: 4.5,
        histogram: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
      });
    }
    if (part === 'reviews') {
      if (id === 2) return answer(res, 500, { status: 500 });
      if (id === 5) return undefined;
      return answer(res, 200, {
        items: [
          {
            id: 1,
            productId: id,
            rating: 5,
            title: 'Good',
            body: 'Good.',
            author: 'A.',
            createdAt: '2025-03-01T00:00:00.000Z',
          },
        ],
        nextCursor: null,
      });
    }
    if (part === 'related') {
      if (id === 5) return undefined;
      return answer(res, 200, { productId: id, items: [summary(id)] });
    }
    return answer(res, 404, { status: 404, code: 'not_found' });
  };
}

// Margins, not speed: an answer that comes has 2 s per attempt (it needs milliseconds), and the
// 3 s deadline is far from the 6 s three hanging attempts would take without it; the checks allow
// 2.5 s on top of the deadline for the answer to travel on a loaded machine.
const ATTEMPT_MS = 2_000;
const DEADLINE_MS = 3_000;
const WITHIN_DEADLINE_MS = DEADLINE_MS + 2_500;

describe('resilience of the product aggregates against a failing core-api (real processes)', () => {
  const hits: string[] = [];
  let stub: Server;
  let web: RunningService;
  let mobile: RunningService;

  beforeAll(async () => {
    stub = createServer(coreApiStub(hits));
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const env = {
      CORE_API_URL: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`,
      SERVICE_KEYS_DIR: tempKeysDir(),
      CORE_API_TIMEOUT_MS: String(ATTEMPT_MS),
      CORE_API_DEADLINE_MS: String(DEADLINE_MS),
      CORE_API_RETRY_BACKOFF_MS: '20',
      // Each case starts from a clean slate: no cached answers, no breaker opened by an earlier case.
      CORE_API_CACHE: 'off',
      CORE_API_BREAKER_CONSECUTIVE_FAILURES: '1000',
    };
    [web, mobile] = await Promise.all([
      startService('web-bff', env),
      startService('mobile-bff', env),
    ]);
  });

  afterAll(async () => {
    await Promise.all([web, mobile].filter(Boolean).map((s) => s.stop()));
    stub?.closeAllConnections();
    await new Promise((resolve) => stub?.close(resolve));
  });

  beforeEach(() => (hits.length = 0));

  const page = (id: number) =>
    fetch(`${web.url}/api/pages/product/${id}`, { headers: { 'x-csrf': '1' } });
  const screen = (id: number) => fetch(`${mobile.url}/v1/screens/product/${id}`);

  it('answers a complete page with an empty degraded list and no X-Degraded header', async () => {
    for (const res of [await page(1), await screen(1)]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('x-degraded')).toBeNull();
      const body = (await res.json()) as {
        degraded: string[];
        reviews: unknown[] | { items: unknown[] };
      };
      expect(body.degraded).toEqual([]);
      expect(body.reviews).toBeDefined();
    }
  });

  it('answers 200 without the reviews, naming them in degraded and X-Degraded, when reviews fail', async () => {
    const res = await page(2);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-degraded')).toBe('reviews');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body['degraded']).toEqual(['reviews']);
    expect(body).not.toHaveProperty('reviews');
    expect(body).toMatchObject({
      product: { id: 2 },
      rating: { count: 2 },
      availability: { total: 3 },
    });

    const app = await screen(2);
    expect(app.status).toBe(200);
    expect(app.headers.get('x-degraded')).toBe('reviews');
    const compact = (await app.json()) as Record<string, unknown>;
    expect(compact['degraded']).toEqual(['reviews']);
    expect(compact).not.toHaveProperty('reviews');
    expect(compact).toMatchObject({ id: 2, ratingCount: 2, inStock: true });
  });

  it('answers 503 problem+json when the required product is unavailable, after two retries', async () => {
    for (const res of [await page(3), await screen(3)]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 503, code: 'core_api_unavailable' });
    }
    expect(hits.filter((h) => h === '/products/3')).toHaveLength(6);
  });

  it('answers 504 problem+json at the deadline when the product hangs', async () => {
    for (const fetchIt of [page, screen]) {
      const started = Date.now();
      const res = await fetchIt(4);
      expect(Date.now() - started).toBeLessThan(WITHIN_DEADLINE_MS);
      expect(res.status).toBe(504);
      expect(await res.json()).toMatchObject({ status: 504, code: 'core_api_timeout' });
    }
  });

  it('answers within the deadline without the parts that hang', async () => {
    const started = Date.now();
    const res = await page(5);
    expect(Date.now() - started).toBeLessThan(WITHIN_DEADLINE_MS);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-degraded')).toBe('reviews,related');
    expect(await res.json()).toMatchObject({
      product: { id: 5 },
      degraded: ['reviews', 'related'],
    });
  });
});
