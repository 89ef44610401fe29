/**
 * The parts of an OpenAPI 3.0/3.1 document the classifier reads, and `$ref` resolution over it.
 *
 * References are resolved where they are met rather than by copying the document into a tree:
 * a recursive schema (a category holding categories) then costs nothing, and the walkers stop on
 * a pair of schemas they have already compared (see schema-diff.ts).
 */

// A JSON value as parsed from the committed document; the walkers check what they read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = Record<string, any>;

export interface OpenApiDocument extends Node {
  readonly openapi: string;
  readonly paths?: Record<string, Node>;
  readonly components?: Node;
  readonly security?: Node[];
}

const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a local JSON pointer (`#/components/schemas/Product`), or undefined. */
function pointer(doc: Node, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`only local references are supported: ${ref}`);
  let at: unknown = doc;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    at = isObject(at) || Array.isArray(at) ? (at as Node)[key] : undefined;
  }
  return at;
}

/**
 * Follows `$ref` until a node without one (a chain of references is fine, a loop of them is an
 * error). OpenAPI 3.1 lets a reference have siblings (`description`, …); they override the target.
 */
export function resolve(doc: Node, node: unknown): Node | undefined {
  const seen = new Set<string>();
  let at = node;
  const siblings: Node = {};
  while (isObject(at) && typeof at['$ref'] === 'string') {
    const ref: string = at['$ref'];
    if (seen.has(ref)) throw new Error(`circular reference ${ref}`);
    seen.add(ref);
    // The outermost reference's siblings win over those of the references it leads to.
    for (const [key, value] of Object.entries(at))
      if (key !== '$ref' && !(key in siblings)) siblings[key] = value;
    at = pointer(doc, ref);
  }
  if (!isObject(at)) return undefined;
  return Object.keys(siblings).length ? { ...at, ...siblings } : at;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** One operation with its path-level parameters merged in and every reference resolved. */
export interface Operation {
  /** `METHOD /path` as written in the document. */
  readonly route: string;
  /** The route with path parameter names blanked (`GET /products/{}`), so a renamed path parameter is the same route. */
  readonly key: string;
  readonly operationId?: string;
  readonly deprecated: boolean;
  readonly parameters: Node[];
  readonly requestBody?: Node;
  readonly responses: Record<string, Node>;
  /** Each alternative as a set of `scheme` or `scheme:scope` tokens; `[[]]` when none is needed. */
  readonly security: string[][];
}

// No list and an empty list both mean that the operation needs no credentials.
const securityAlternatives = (requirements: Node[] | undefined): string[][] =>
  (requirements?.length ? requirements : [{}]).map((alternative) =>
    Object.entries(alternative).flatMap(([scheme, scopes]) =>
      Array.isArray(scopes) && scopes.length
        ? scopes.map((scope: string) => `${scheme}:${scope}`)
        : [scheme],
    ),
  );

/** Every operation of the document, by `key`. */
export function operations(doc: OpenApiDocument): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolve(doc, rawItem) ?? {};
    const shared: Node[] = (item['parameters'] ?? []).map((p: unknown) => resolve(doc, p));
    for (const method of HTTP_METHODS) {
      const op = resolve(doc, item[method]);
      if (!op) continue;
      const own: Node[] = (op['parameters'] ?? []).map((p: unknown) => resolve(doc, p));
      // An operation's parameter overrides a path-level one with the same name and location.
      const byKey = new Map<string, Node>();
      for (const p of [...shared, ...own].filter(isObject)) byKey.set(`${p['in']}:${p['name']}`, p);
      const route = `${method.toUpperCase()} ${path}`;
      found.set(route.replace(/\{[^}]*\}/g, '{}'), {
        route,
        key: route.replace(/\{[^}]*\}/g, '{}'),
        operationId: op['operationId'],
        deprecated: op['deprecated'] === true,
        parameters: [...byKey.values()],
        requestBody: resolve(doc, op['requestBody']),
        responses: Object.fromEntries(
          Object.entries(op['responses'] ?? {}).map(([status, r]) => [
            status,
            resolve(doc, r) ?? {},
          ]),
        ),
        security: securityAlternatives(op['security'] ?? doc.security),
      });
    }
  }
  return found;
}
