import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, RunningService, startService } from './support/processes';
import { coreApiCaller, tempKeysDir } from './support/service-tokens';

interface JsonAnswer {
  status: number;
  type: string;
  headers: Headers;
  body: any;
}

const answer = async (res: Response): Promise<JsonAnswer> => ({
  status: res.status,
  type: res.headers.get('content-type') ?? '',
  headers: res.headers,
  body: await res.json(),
});
// Every call carries web-bff's anti-CSRF header (web-bff refuses /api without it; the others ignore it).
const json = async (url: string, init?: RequestInit): Promise<JsonAnswer> =>
  answer(
    await fetch(url, {
      ...init,
      headers: { 'x-csrf': '1', ...(init?.headers as Record<string, string> | undefined) },
    }),
  );

const keysDir = tempKeysDir();
let coreUrl = '';
/** core-api called as web-bff would call it, with a service token. */
const coreFetch = coreApiCaller(() => coreUrl, keysDir);
const coreJson = async (path: string) => answer(await coreFetch(path));

describe('the three services as real processes', () => {
  let core: RunningService;
  let web: RunningService;
  let mobile: RunningService;
  let apps: RunningService[];

  beforeAll(async () => {
    core = await startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir });
    coreUrl = core.url;
    [web, mobile] = await Promise.all([
      startService('web-bff', { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir }),
      startService('mobile-bff', { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir }),
    ]);
    apps = [core, web, mobile];
  });

  afterAll(async () => {
    await Promise.all([web, mobile, core].filter(Boolean).map((s) => s.stop()));
  });

  describe.each([1, 250, 500])('product %i', (id) => {
    it("web-bff's product page is built from core-api's data", async () => {
      const [product, inventory, summary, reviews, page] = await Promise.all([
        coreJson(`/products/${id}`),
        coreJson(`/inventory/${id}`),
        coreJson(`/products/${id}/reviews/summary`),
        coreJson(`/products/${id}/reviews?limit=5`),
        json(`${web.url}/api/pages/product/${id}`),
      ]);
      expect(page.status).toBe(200);
      expect(page.body.product).toMatchObject({
        id,
        name: product.body.name,
        description: product.body.description,
        price: { amountMinor: product.body.price.amountMinor, currency: 'EUR' },
        images: product.body.images,
      });
      expect(page.body.product.price.formatted).toMatch(/^€\d/);
      expect(page.body.availability.total).toBe(inventory.body.total);
      expect(page.body.rating).toMatchObject({
        average: summary.body.average,
        count: summary.body.count,
      });
      expect(page.body.reviews.items.map((r: { id: number }) => r.id)).toEqual(
        reviews.body.items.map((r: { id: number }) => r.id),
      );
      expect(page.body.related.length).toBeGreaterThan(0);
    });

    it("mobile-bff's product screen is built from core-api's data, compactly", async () => {
      const [product, inventory, summary, screen, page] = await Promise.all([
        coreJson(`/products/${id}`),
        coreJson(`/inventory/${id}`),
        coreJson(`/products/${id}/reviews/summary`),
        json(`${mobile.url}/v1/screens/product/${id}`),
        fetch(`${web.url}/api/pages/product/${id}`, { headers: { 'x-csrf': '1' } }).then((r) =>
          r.text(),
        ),
      ]);
      expect(screen.status).toBe(200);
      expect(screen.body).toMatchObject({
        id,
        name: product.body.name,
        price: product.body.price.amountMinor,
        currency: 'EUR',
        inStock: inventory.body.total > 0,
        ratingCount: summary.body.count,
      });
      expect(screen.body).not.toHaveProperty('description');
      expect(screen.body.reviews.length).toBeLessThanOrEqual(3);
      expect(JSON.stringify(screen.body).length).toBeLessThan(page.length / 2);
    });
  });

  it('answers 404 problem+json for an unknown product on every app', async () => {
    for (const res of [
      await coreJson('/products/99999'),
      await json(`${web.url}/api/pages/product/99999`),
      await json(`${mobile.url}/v1/screens/product/99999`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 404,
        code: 'product_not_found',
        detail: 'No product has id 99999.',
      });
    }
  });

  describe.each([
    ['a malformed id', 'abc', ''],
    ['a negative id', '-4', ''],
    ['a hexadecimal id', '0x10', ''],
    ['an id beyond 32 bits', '99999999999', ''],
    ['an unknown query parameter', '1', '?debug=true'],
  ])('%s', (_label, id, query) => {
    it.each([
      ['core-api', () => `/products/${id}${query}`],
      ['web-bff', (s: RunningService) => `${s.url}/api/pages/product/${id}${query}`],
      ['mobile-bff', (s: RunningService) => `${s.url}/v1/screens/product/${id}${query}`],
    ])('answers 400 problem+json on %s', async (name, path) => {
      const service = apps.find((s) => s.name === name)!;
      const res = name === 'core-api' ? await coreJson(path(service)) : await json(path(service));
      expect(res.status).toBe(400);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 400,
        code: 'validation_failed',
        requestId: res.headers.get('x-request-id'),
      });
      expect(res.body.errors.length).toBeGreaterThan(0);
    });
  });

  it.each([
    ['/products/1/reviews?limit=500'],
    ['/products/1/reviews?limit=ten'],
    ['/products/1/reviews?cursor=%7B%22c%22%3A1%7D'],
    ['/products/1/reviews?cursor=eyJjIjoieCIsImkiOi0xfQ'],
    ['/products/1/related?limit=0'],
    ['/inventory/1.5'],
  ])('core-api answers 400 (never 500) for %s', async (path) => {
    const res = await coreJson(path);
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/problem\+json/);
  });

  it('pages through all reviews of a product exactly once', async () => {
    const summary = await coreJson(`/products/7/reviews/summary`);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: JsonAnswer = await coreJson(
        `/products/7/reviews?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((r: { id: number }) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(summary.body.count);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each(['core-api', 'web-bff', 'mobile-bff'])(
    '%s serves liveness, readiness and Swagger UI',
    async (name) => {
      const service = apps.find((s) => s.name === name)!;
      expect((await json(`${service.url}/health/live`)).body).toMatchObject({ status: 'ok' });
      const ready = await json(`${service.url}/health/ready`);
      expect(ready.status).toBe(200);
      if (name === 'core-api')
        expect(ready.body.details.database).toMatchObject({ status: 'up', driver: 'pglite' });
      const docs = await fetch(`${service.url}/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger-ui');
    },
  );

  it.each(['core-api', 'web-bff', 'mobile-bff'])(
    '%s serves at /docs-json exactly the committed openapi/<app>.json (else run `npx nx run <app>:openapi`)',
    async (name) => {
      const service = apps.find((s) => s.name === name)!;
      const served = await (await fetch(`${service.url}/docs-json`)).json();
      const committed = JSON.parse(readFileSync(join(ROOT, 'openapi', `${name}.json`), 'utf8'));
      expect(served).toEqual(committed);
    },
  );

  /** Answers with nothing to say: the provider's back-channel logout call gets an empty 200. */
  const EMPTY_SUCCESS = ['POST /bff/backchannel-logout'];
  const FORM = 'application/x-www-form-urlencoded';

  it.each(['core-api', 'web-bff', 'mobile-bff'])(
    '%s documents every operation: success and parameter schemas, problem answers, and (core-api) its security',
    async (name) => {
      const doc = JSON.parse(readFileSync(join(ROOT, 'openapi', `${name}.json`), 'utf8'));
      type Operation = {
        parameters?: { in: string; schema?: unknown }[];
        security?: Record<string, unknown>[];
        requestBody?: { content?: Record<string, { schema?: unknown }> };
        deprecated?: boolean;
        responses: Record<
          string,
          { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }
        >;
      };
      const operations = Object.entries(
        doc.paths as Record<string, Record<string, Operation>>,
      ).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          id: `${method.toUpperCase()} ${path}`,
          method,
          op,
        })),
      );
      expect(operations.length).toBeGreaterThan(2);
      for (const { id, method, op } of operations) {
        const statuses = Object.keys(op.responses).sort();
        const success = op.responses['200'] ?? op.responses['201'];
        const redirect = statuses.find((status) => /^3\d\d$/.test(status));
        const media =
          id === 'GET /metrics'
            ? 'text/plain'
            : id.startsWith('GET /media/')
              ? 'image/svg+xml'
              : 'application/json';
        if (success && !EMPTY_SUCCESS.includes(id)) {
          expect({ id, schema: success.content?.[media]?.schema ?? null }).toEqual({
            id,
            schema: expect.anything(),
          });
        } else if (success) {
          expect({ id, content: success.content ?? null }).toEqual({ id, content: null });
        } else if (redirect) {
          // A navigation (sign-in): the answer is where to go, not a body.
          expect({ id, location: !!op.responses[redirect]?.headers?.['Location'] }).toEqual({
            id,
            location: true,
          });
        } else {
          // A route kept only to tell old clients what to do instead: deprecated, problems only.
          expect({ id, deprecated: op.deprecated ?? false }).toEqual({ id, deprecated: true });
          for (const [status, answer] of Object.entries(op.responses))
            expect({ id, status, schema: !!answer.content?.['application/problem+json'] }).toEqual({
              id,
              status,
              schema: true,
            });
        }
        for (const parameter of op.parameters ?? [])
          expect({ id, schema: parameter.schema ?? null }).toEqual({
            id,
            schema: expect.anything(),
          });
        if (['post', 'put', 'patch'].includes(method) && op.requestBody) {
          // JSON everywhere but the provider's back-channel logout call, which is a form.
          const bodyMedia = id === 'POST /bff/backchannel-logout' ? FORM : 'application/json';
          expect({
            id,
            body: op.requestBody.content?.[bodyMedia]?.schema ?? null,
          }).toEqual({ id, body: expect.anything() });
        }
        if (id.includes('/health/') || id === 'GET /metrics') continue; // operational, public by design
        if (op.deprecated && !success) continue; // answers only its one problem (checked above)
        const problems = Object.keys(op.responses).filter((status) => status.startsWith('4'));
        expect({ id, problems }).toEqual({ id, problems: expect.arrayContaining(['400']) });
        // Reading a thing by id can miss (404); removing a cart line that is not there is not an error.
        if (method === 'get' && op.parameters?.some((p) => p.in === 'path'))
          expect({ id, problems }).toEqual({ id, problems: expect.arrayContaining(['404']) });
        if (name === 'core-api') {
          expect({ id, security: op.security }).toEqual({
            id,
            security: [{ 'service-token': [] }],
          });
          expect({ id, problems }).toEqual({ id, problems: expect.arrayContaining(['401']) });
        }
      }
      if (name === 'core-api')
        expect(doc.components.securitySchemes['service-token']).toMatchObject({
          type: 'http',
          scheme: 'bearer',
        });
    },
  );
});
