import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

type Document = { paths: Record<string, Record<string, { operationId?: string }>> };

/** Each operation id that is missing (as `<none> METHOD path`) or used more than once. */
function idProblems(document: Document): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (!id) problems.push(`<none> ${where}`);
      else if (seen.has(id)) problems.push(`${id}: ${seen.get(id)} and ${where}`);
      else seen.set(id, where);
    }
  return problems;
}

/**
 * OpenAPI requires every operation id to be unique in a document, and the client generators the
 * frontends use depend on it: a shared id makes openapi-typescript's output fail to compile, orval
 * drop the operation and hey-api rename it. mobile-bff serves v1 and v2 from one controller, so its
 * ids carry the version (platform-bootstrap's operationIdFactory).
 */
describe('operation ids in the committed OpenAPI documents', () => {
  const documents = readdirSync(join(ROOT, 'openapi')).filter((f) => f.endsWith('.json'));
  const read = (file: string) =>
    JSON.parse(readFileSync(join(ROOT, 'openapi', file), 'utf8')) as Document;

  it.each(documents)('%s gives every operation an id of its own', (file) => {
    expect(idProblems(read(file))).toEqual([]);
  });

  it("names mobile-bff's versions apart", () => {
    const paths = read('mobile-bff.json').paths;
    expect(paths['/v1/screens/home']?.['get']?.operationId).toBe('HomeScreen_get_v1');
    expect(paths['/v2/screens/home']?.['get']?.operationId).toBe('HomeScreen_get_v2');
  });

  it('would notice a shared or a missing id', () => {
    const planted: Document = {
      paths: { '/a': { get: { operationId: 'x' } }, '/b': { get: { operationId: 'x' }, post: {} } },
    };
    expect(idProblems(planted)).toEqual(['x: GET /a and GET /b', '<none> POST /b']);
  });
});
