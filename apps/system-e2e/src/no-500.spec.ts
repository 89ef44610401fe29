import fc from 'fast-check';
import { RunningService, startService } from './support/processes';
import { coreApiCaller, tempKeysDir } from './support/service-tokens';

/**
 * Whatever a client sends to a read endpoint — odd ids, odd query parameters, odd encodings —
 * the answer is a 2xx or a 4xx problem, never a 5xx. Bounded: 120 generated requests per app.
 */
describe('no input produces a 500', () => {
  let core: RunningService;
  let web: RunningService;
  let mobile: RunningService;

  const keysDir = tempKeysDir();
  const coreFetch = coreApiCaller(() => core.url, keysDir);

  beforeAll(async () => {
    core = await startService('core-api', { PGLITE_DIR: 'memory://', SERVICE_KEYS_DIR: keysDir });
    [web, mobile] = await Promise.all([
      startService('web-bff', { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir }),
      startService('mobile-bff', { CORE_API_URL: core.url, SERVICE_KEYS_DIR: keysDir }),
    ]);
  });
  afterAll(() => Promise.all([web, mobile, core].filter(Boolean).map((s) => s.stop())));

  const segment = fc.oneof(
    fc.integer({ min: -3, max: 3_000_000_000 }).map(String),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '0x1f',
      '1e3',
      '1.0',
      '%00',
      '..',
      '%2e%2e',
      '١٢',
      'NaN',
      'Infinity',
      '-0',
      '９',
    ),
  );
  const query = fc.array(
    fc.tuple(
      fc.constantFrom('limit', 'cursor', 'id', 'x', '__proto__', 'constructor', 'limit[]'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 3 },
  );
  const request = fc.record({ segment, query });

  const toPath = (
    template: string,
    { segment: id, query: params }: { segment: string; query: [string, string][] },
  ) => {
    const search = new URLSearchParams(params).toString();
    return `${template.replace('{id}', encodeURIComponent(id))}${search ? `?${search}` : ''}`;
  };

  it.each([
    ['core-api', '/products/{id}'],
    ['core-api', '/products/{id}/reviews'],
    ['core-api', '/inventory/{id}'],
    ['core-api', '/products?category={id}'],
    ['core-api', '/carts/{id}'],
    ['core-api', '/orders/{id}'],
    ['web-bff', '/api/pages/product/{id}'],
    ['mobile-bff', '/v1/screens/product/{id}'],
  ])('%s %s', async (name, template) => {
    const service = { 'core-api': core, 'web-bff': web, 'mobile-bff': mobile }[name]!;
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const path = toPath(template, input);
        const res =
          name === 'core-api'
            ? await coreFetch(path)
            : await fetch(`${service.url}${path}`, { headers: { 'x-csrf': '1' } });
        const body = await res.text();
        if (res.status >= 500) throw new Error(`${res.status} for ${res.url}: ${body}`);
        if (res.status >= 400)
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 24, seed: 20_261_124 },
    );
  });
});
