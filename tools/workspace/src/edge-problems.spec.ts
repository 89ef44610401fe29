import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, ROOT, serviceOf } from './support/workspace';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

type Operation = {
  requestBody?: object;
  responses: Record<string, { headers?: Record<string, unknown> }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

/**
 * What each operation is missing of the answers the edge gives before any controller runs:
 * 413/415 for a body, 414 for a path parameter (createApp), 500 anywhere (the problem filter),
 * and on a rate-limited service 429 with `Retry-After` and the limit's headers on the 200
 * (RateLimitGuard) everywhere but health and metrics.
 */
function missing(document: Document, rateLimited: boolean): string[] {
  const found: string[] = [];
  for (const [path, item] of Object.entries(document.paths))
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const needs = [
        ...(op.requestBody ? ['413', '415'] : []),
        ...(path.includes('{') ? ['414'] : []),
        '500',
      ];
      for (const status of needs) if (!op.responses[status]) found.push(`${where}: ${status}`);
      const problemOnly = Object.keys(op.responses).every((status) => Number(status) >= 400);
      if (rateLimited && !/^\/(health|metrics)/.test(path) && !problemOnly) {
        if (!op.responses['429']?.headers?.['Retry-After']) found.push(`${where}: 429 Retry-After`);
        if (!op.responses['200']?.headers?.['X-RateLimit-Remaining'] && op.responses['200'])
          found.push(`${where}: 200 X-RateLimit-Remaining`);
      }
    }
  return found;
}

/** The documents declare the answers the HTTP edge gives, not only the controllers' own. */
describe('edge answers in the committed OpenAPI documents', () => {
  const read = (app: string) =>
    JSON.parse(readFileSync(join(ROOT, 'openapi', `${app}.json`), 'utf8')) as Document;

  // Every BFF limits its clients; core-api does not (only the BFFs reach it).
  it.each(APPS)(
    '%s declares 413/415 on bodies, 414 on path parameters, 429 where limited',
    (app) => {
      expect(missing(read(app), serviceOf(app).bff)).toEqual([]);
    },
  );

  it.each(APPS)('%s declares X-Request-Id on every answer, which every answer carries', (app) => {
    const without = Object.entries(read(app).paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) =>
        Object.entries(op.responses)
          .filter(([, response]) => !response.headers?.['X-Request-Id'])
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(without).toEqual([]);
  });

  it("declares Deprecation, Sunset and Link on every answer of mobile-bff's v1", () => {
    const paths = Object.entries(read('mobile-bff').paths).filter(([path]) =>
      path.startsWith('/v1/'),
    );
    expect(paths.length).toBeGreaterThan(10);
    for (const [path, item] of paths)
      for (const [method, op] of Object.entries(item))
        for (const [status, response] of Object.entries(op.responses))
          expect({
            at: `${method} ${path} ${status}`,
            headers: ['Deprecation', 'Sunset', 'Link'].filter((h) => !response.headers?.[h]),
          }).toEqual({ at: `${method} ${path} ${status}`, headers: [] });
  });

  it('would notice an operation without them', () => {
    const planted: Document = {
      paths: { '/x/{id}': { post: { requestBody: {}, responses: { '200': {} } } } },
    };
    expect(missing(planted, true)).toEqual([
      'POST /x/{id}: 413',
      'POST /x/{id}: 415',
      'POST /x/{id}: 414',
      'POST /x/{id}: 500',
      'POST /x/{id}: 429 Retry-After',
      'POST /x/{id}: 200 X-RateLimit-Remaining',
    ]);
  });
});
