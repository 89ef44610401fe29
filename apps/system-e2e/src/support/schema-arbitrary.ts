import fc, { Arbitrary } from 'fast-check';

/** The part of OpenAPI 3.1's JSON Schema the committed documents use. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

export type Resolve = (schema: Schema) => Schema;

/** Resolves `#/components/schemas/X` references, and single-entry allOf, against a document. */
export function resolver(document: { components?: { schemas?: Record<string, Schema> } }): Resolve {
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref)
      return resolve(document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {});
    if (schema.allOf?.length === 1 && schema.allOf[0]) return resolve(schema.allOf[0]);
    return schema;
  };
  return resolve;
}

/** Printable ASCII, so any drawn string can go in a header as it is. */
const text = (minLength = 0, maxLength = 40) =>
  fc.string({ unit: 'grapheme-ascii', minLength, maxLength });

/** A value the schema accepts (as far as its keywords say). */
export function validValue(schema: Schema, resolve: Resolve, depth = 0): Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validValue(a, resolve, depth)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const example = s.example === undefined ? [] : [fc.constant(s.example)];
  switch (type) {
    case 'integer':
      return fc.oneof(
        ...example,
        fc.integer({ min: s.minimum ?? -1000, max: Math.min(s.maximum ?? 1_000_000, 2 ** 31 - 1) }),
      );
    case 'number':
      return fc.oneof(
        ...example,
        fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1_000_000, noNaN: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(s.items ?? {}, resolve, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    case 'object':
      if (depth > 4) return fc.constant({});
      return fc.record(
        Object.fromEntries(
          Object.entries(s.properties ?? {}).map(([k, v]) => [
            k,
            validValue(v, resolve, depth + 1),
          ]),
        ),
        { requiredKeys: s.required ?? [] },
      );
    default: {
      const max = Math.min(s.maxLength ?? 40, 64);
      const drawn = s.pattern
        ? fc
            .stringMatching(new RegExp(s.pattern))
            .filter((v) => v.length <= (s.maxLength ?? Infinity))
        : s.format === 'email'
          ? fc.emailAddress()
          : text(s.minLength ?? 0, Math.max(max, s.minLength ?? 0));
      return fc.oneof(...example, drawn);
    }
  }
}

/** Values a client might send instead: wrong types, out of range, odd text, extra or deep structure. */
export function invalidValue(schema: Schema, resolve: Resolve): Arbitrary<unknown> {
  const s = resolve(schema);
  const odd = fc.constantFrom(
    '',
    ' ',
    '-1',
    '0',
    '1e3',
    '0x1f',
    '1.5',
    'NaN',
    'Infinity',
    '%00',
    '..',
    'null',
    '[]',
    '{}',
    '٣',
    '９',
    'a'.repeat(300),
  );
  const sideways = fc.oneof(
    odd,
    text(),
    fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    fc.dictionary(text(1, 12), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  );
  if (s.type === 'object' || s.properties) {
    const extra = fc
      .tuple(validValue(s, resolve), text(1, 12), fc.jsonValue({ maxDepth: 2 }))
      .map(([value, key, v]) =>
        typeof value === 'object' && value !== null ? { ...value, [key]: v } : value,
      );
    return fc.oneof(sideways, extra);
  }
  if (s.type === 'integer' || s.type === 'number') {
    return fc.oneof(
      sideways,
      fc.constantFrom((s.minimum ?? 0) - 1, (s.maximum ?? 2 ** 31) + 1, 2 ** 31, 2 ** 63, -0.5),
    );
  }
  return sideways;
}

/** Valid values most of the time, so the run reaches the handlers, and invalid ones the rest. */
export const anyValue = (schema: Schema, resolve: Resolve): Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: validValue(schema, resolve), weight: 3 },
    { arbitrary: invalidValue(schema, resolve), weight: 2 },
  );

/** How a value travels in a path, query or header: as text. */
export const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : value === null || typeof value !== 'object'
      ? String(value)
      : JSON.stringify(value);
