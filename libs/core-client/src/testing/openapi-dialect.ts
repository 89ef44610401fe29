// OpenAPI 3.0's schema dialect as plain JSON Schema (draft 7), for a validator: `nullable: true`
// becomes a `null` type (or an `anyOf` with one, beside a $ref or a composition), and 3.0's
// boolean `exclusiveMinimum`/`exclusiveMaximum` become the numbers JSON Schema has. 3.1 needs none
// of this: its schemas are JSON Schema 2020-12, where `nullable` is no keyword at all.

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose value is one schema, a list of them, or a map of them. */
const ONE = ['items', 'additionalProperties', 'not', 'additionalItems', 'contains'];
const LIST = ['allOf', 'anyOf', 'oneOf'];
const MAP = ['properties', 'patternProperties', 'definitions'];

/** One schema of the 3.0 dialect as JSON Schema, its subschemas too. */
export function schema30(input: unknown): unknown {
  if (!isObject(input)) return input;
  const out: Schema = { ...input };
  for (const key of ONE) if (key in out) out[key] = schema30(out[key]);
  for (const key of LIST) if (Array.isArray(out[key])) out[key] = out[key].map(schema30);
  for (const key of MAP) {
    const map = out[key];
    if (isObject(map)) {
      out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, schema30(v)]));
    }
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    const exclusive = out[flag];
    delete out[flag];
    if (exclusive && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    }
  }
  if (out['nullable'] !== true) {
    delete out['nullable'];
    return out;
  }
  delete out['nullable'];
  if (typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null'];
    if (Array.isArray(out['enum'])) out['enum'] = [...out['enum'], null];
    return out;
  }
  // A $ref (whose siblings draft 7 ignores) or a composition: null is one more alternative.
  return { anyOf: [out, { type: 'null' }] };
}

/** A 3.0 document with every schema it holds (components, responses, parameters) translated. */
export function toJsonSchema30<T extends object>(document: T): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (key === 'schema') return [key, schema30(value)];
        if (key === 'schemas' && isObject(value)) {
          return [key, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schema30(v)]))];
        }
        return [key, walk(value)];
      }),
    );
  };
  return walk(document) as T;
}
