import { type Node, resolve } from './document';

/** A schema as the comparison sees it: `allOf` merged, "or null" folded into `nullable`. */
export interface Shape {
  readonly types?: Set<string>;
  readonly nullable: boolean;
  readonly schema: Node;
  /** Alternatives of a `oneOf`/`anyOf` that is more than "this or null". */
  readonly variants?: Node[];
}

const isNullSchema = (s: Node): boolean =>
  s['type'] === 'null' ||
  (Array.isArray(s['enum']) && s['enum'].length === 1 && s['enum'][0] === null);

/** Merges `allOf` members into one schema: their properties and required lists add up. */
function flatten(doc: Node, raw: unknown, depth = 0): Node {
  const s = resolve(doc, raw) ?? {};
  if (!Array.isArray(s['allOf']) || depth > 32) return s;
  const { allOf, ...own } = s;
  const merged: Node = { ...own, properties: { ...(own['properties'] ?? {}) } };
  const required = new Set<string>(own['required'] ?? []);
  for (const member of allOf as unknown[]) {
    const m = flatten(doc, member, depth + 1);
    for (const [k, v] of Object.entries(m)) {
      if (k === 'properties') Object.assign(merged['properties'], v);
      else if (k === 'required') for (const r of v as string[]) required.add(r);
      else if (!(k in merged)) merged[k] = v;
    }
  }
  if (!Object.keys(merged['properties']).length) delete merged['properties'];
  if (required.size) merged['required'] = [...required];
  return merged;
}

export function shape(doc: Node, raw: unknown): Shape {
  const s = flatten(doc, raw);
  const alternatives: unknown[] | undefined = s['oneOf'] ?? s['anyOf'];
  let nullable = s['nullable'] === true;
  let schema = s;
  let variants: Node[] | undefined;
  if (Array.isArray(alternatives)) {
    const branches = alternatives.map((a) => flatten(doc, a));
    const nonNull = branches.filter((b) => !isNullSchema(b));
    nullable ||= nonNull.length < branches.length;
    if (nonNull.length === 1) schema = { ...s, ...nonNull[0] };
    else variants = nonNull;
  }
  let types: Set<string> | undefined;
  const declared = schema['type'];
  if (declared !== undefined) {
    types = new Set(Array.isArray(declared) ? declared : [declared]);
    if (types.delete('null')) nullable = true;
  }
  if (Array.isArray(schema['enum']) && schema['enum'].includes(null)) nullable = true;
  return { types, nullable, schema, variants };
}

/** Whether a value of `type` is valid for a schema of `types` (an integer is a number). */
export const accepts = (types: Set<string> | undefined, type: string): boolean =>
  !types || types.has(type) || (type === 'integer' && types.has('number'));

export const list = (types: Set<string> | undefined): string =>
  types ? [...types].join('|') : 'any';

export const enumValues = (s: Node): unknown[] | undefined =>
  Array.isArray(s['enum'])
    ? s['enum'].filter((v) => v !== null)
    : 'const' in s
      ? [s['const']]
      : undefined;
