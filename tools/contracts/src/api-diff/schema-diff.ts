import type { ChangeKind } from './change';
import type { Node } from './document';
import { accepts, enumValues, list, shape } from './shape';

/**
 * Which way values flow through a schema decides what breaks:
 * - `request`: the client writes, the server checks. Anything the old schema accepted must still
 *   be accepted: a narrowed type, a new bound, a removed enum value break. So does a removed field,
 *   because our servers reject unknown fields and query parameters (docs/api-conventions.md).
 * - `response`: the server writes, the client reads. Anything the client relied on must still be
 *   there and mean the same: a removed field, a field that may now be absent or null, a changed
 *   type or format, a removed enum value break; new fields and values do not.
 */
export type Direction = 'request' | 'response';

export interface SchemaFinding {
  readonly kind: ChangeKind;
  readonly breaking: boolean;
  /** Where in the value (`items[].price`, empty for the value itself) and what happened. */
  readonly field: string;
  readonly detail: string;
}

// Bounds that a request value must keep within: a new or tighter one rejects values that passed.
const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
const EXACT = ['pattern', 'multipleOf', 'uniqueItems'];

/** A schema's `$ref` when it is one, else the node itself. */
const identity = (node: unknown): unknown =>
  typeof node === 'object' && node !== null && typeof (node as Node)['$ref'] === 'string'
    ? (node as Node)['$ref']
    : node;

export function diffSchemas(
  oldDoc: Node,
  newDoc: Node,
  oldRaw: unknown,
  newRaw: unknown,
  direction: Direction,
): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  const inside: [unknown, unknown][] = [];
  const request = direction === 'request';
  const add = (kind: ChangeKind, breaking: boolean, field: string, detail: string) =>
    findings.push({ kind, breaking, field, detail });

  const walk = (oldNode: unknown, newNode: unknown, field: string): void => {
    // A recursive schema meets a pair it is already inside one level down: stop there. Schemas
    // are known by their reference (or, inline, by identity), as `allOf` merging makes new
    // objects. A schema used in several places is compared, and reported, at each of them.
    const pair: [unknown, unknown] = [identity(oldNode), identity(newNode)];
    if (inside.some(([a, b]) => a === pair[0] && b === pair[1])) return;
    inside.push(pair);
    try {
      compare(oldNode, newNode, field);
    } finally {
      inside.pop();
    }
  };

  const compare = (oldNode: unknown, newNode: unknown, field: string): void => {
    const before = shape(oldDoc, oldNode);
    const after = shape(newDoc, newNode);
    const o = before.schema;
    const n = after.schema;

    if (before.nullable !== after.nullable) {
      // A request that may no longer send null, or an answer that may now be null, breaks.
      const breaking = request ? before.nullable : after.nullable;
      add(
        'nullable-changed',
        breaking,
        field,
        after.nullable ? 'may now be null' : 'may no longer be null',
      );
    }

    const lost = request
      ? [...(before.types ?? ['any'])].filter((t) =>
          t === 'any' ? !!after.types : !accepts(after.types, t),
        )
      : [...(after.types ?? ['any'])].filter((t) =>
          t === 'any' ? !!before.types : !accepts(before.types, t),
        );
    const types = `${list(before.types)} → ${list(after.types)}`;
    if (lost.length)
      add('type-changed', true, field, `type ${request ? 'narrowed' : 'changed'}: ${types}`);
    else if (list(before.types) !== list(after.types))
      add('type-changed', false, field, `type ${request ? 'widened' : 'narrowed'}: ${types}`);

    if (o['format'] !== n['format']) {
      // A request format that appears or changes rejects values that passed; an answer's format
      // that changes or disappears is a promise withdrawn.
      const breaking = request ? n['format'] !== undefined : o['format'] !== undefined;
      add(
        'format-changed',
        breaking,
        field,
        `format ${o['format'] ?? 'none'} → ${n['format'] ?? 'none'}`,
      );
    }

    for (const key of [...UPPER, ...LOWER, ...EXACT]) {
      const a = o[key];
      const b = n[key];
      if (
        a === b ||
        (typeof a === 'boolean' && typeof b === 'number') ||
        (typeof b === 'boolean' && typeof a === 'number')
      )
        continue;
      const narrowed =
        b !== undefined &&
        (a === undefined ||
          (UPPER.includes(key)
            ? b < a
            : LOWER.includes(key)
              ? b > a
              : key === 'uniqueItems'
                ? b === true
                : true));
      const detail = `${key} ${a ?? 'none'} → ${b ?? 'none'}`;
      // In an answer a bound is the server's own business: the client reads whatever comes.
      add(
        'constraint-changed',
        narrowed && request,
        field,
        `${narrowed ? 'narrowed' : 'widened'}: ${detail}`,
      );
    }

    const oldEnum = enumValues(o);
    const newEnum = enumValues(n);
    if (oldEnum || newEnum) {
      const has = (values: unknown[] | undefined, v: unknown) =>
        !values || values.some((x) => JSON.stringify(x) === JSON.stringify(v));
      if (!oldEnum)
        add('constraint-changed', request, field, `now limited to ${JSON.stringify(newEnum)}`);
      for (const v of oldEnum ?? [])
        if (!has(newEnum, v))
          add('enum-value-removed', true, field, `value ${JSON.stringify(v)} removed`);
      for (const v of newEnum ?? [])
        if (oldEnum && !has(oldEnum, v))
          add('enum-value-added', false, field, `value ${JSON.stringify(v)} added`);
    }

    const props = (s: Node): Node => s['properties'] ?? {};
    const required = (s: Node): Set<string> => new Set(s['required'] ?? []);
    const oldRequired = required(o);
    const newRequired = required(n);
    const at = (name: string) => (field ? `${field}.${name}` : name);
    for (const [name, schema] of Object.entries(props(o))) {
      if (!(name in props(n))) {
        add(
          'field-removed',
          true,
          at(name),
          request ? 'removed (the server now rejects it)' : 'removed',
        );
        continue;
      }
      if (!oldRequired.has(name) && newRequired.has(name))
        add('field-required', request, at(name), 'now required');
      if (oldRequired.has(name) && !newRequired.has(name))
        add('field-optional', !request, at(name), request ? 'now optional' : 'may now be absent');
      walk(schema, props(n)[name], at(name));
    }
    for (const name of Object.keys(props(n)))
      if (!(name in props(o))) {
        const mandatory = request && newRequired.has(name);
        add('field-added', mandatory, at(name), mandatory ? 'added as required' : 'added');
      }

    if (o['items'] !== undefined && n['items'] !== undefined)
      walk(o['items'], n['items'], `${field}[]`);
    const extra = (s: Node) =>
      typeof s['additionalProperties'] === 'object' ? s['additionalProperties'] : undefined;
    if (extra(o) && extra(n)) walk(extra(o), extra(n), `${field}.*`);
    if (
      request &&
      o['additionalProperties'] !== false &&
      n['additionalProperties'] === false &&
      !Object.keys(props(o)).length
    )
      add('constraint-changed', true, field, 'no longer accepts other fields');

    if (before.variants || after.variants) {
      const a = before.variants ?? [o];
      const b = after.variants ?? [n];
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${field}<${i + 1}>`);
      // A request alternative removed rejects what was valid; an answer's new alternative is a
      // shape the client has never seen.
      if (a.length > b.length)
        add('variant-removed', request, field, `${a.length - b.length} alternative(s) removed`);
      if (b.length > a.length)
        add('variant-added', !request, field, `${b.length - a.length} alternative(s) added`);
    }
  };

  walk(oldRaw, newRaw, '');
  return findings;
}
