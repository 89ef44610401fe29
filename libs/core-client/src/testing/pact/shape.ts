// Pact matchers from an example answer: the pact states the shape the client needs (every member
// its answer contract checks, each of the right type), not the seed's exact values. Imported from
// Pact's matcher module alone, so the BFF specs that load `@bff/core-client/testing` do not load
// Pact's native core with it.
import * as M from '@pact-foundation/pact/src/v3/matchers';

export { M as Matchers };

const ISO_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';

/**
 * Each leaf of `example` as a type matcher (an integer as an integer, a date-time as an RFC 3339
 * date-time, a currency as three capitals), each non-empty array as "at least one element shaped
 * like the first". An empty array and null stay literal: the provider state guarantees them.
 * A member already a matcher is left as it is.
 */
export function shapeOf(example: unknown, key = ''): unknown {
  if (M.isMatcher(example)) return example;
  if (Array.isArray(example))
    return example.length === 0 ? example : M.eachLike(shapeOf(example[0]), 1);
  if (example !== null && typeof example === 'object')
    return Object.fromEntries(Object.entries(example).map(([k, v]) => [k, shapeOf(v, k)]));
  if (typeof example === 'number')
    return Number.isInteger(example) ? M.integer(example) : M.number(example);
  if (typeof example === 'string') {
    if (key === 'currency') return M.regex('^[A-Z]{3}$', example);
    if (new RegExp(ISO_DATE_TIME).test(example)) return M.regex(ISO_DATE_TIME, example);
    return M.string(example);
  }
  if (typeof example === 'boolean') return M.boolean(example);
  return example;
}

/** A map whose keys are not fixed (`attributes`): every value a string. */
export const stringMap = (example: Record<string, string>) =>
  M.eachValueMatches(example, M.string(Object.values(example)[0] ?? ''));

/**
 * core-api's problem+json answer with `code`, the member a BFF maps (exact), and a `detail`
 * sentence (any string): the two members core-client reads.
 */
export const problem = (status: number, code: string, detail: string) => ({
  status,
  headers: {
    'Content-Type': M.regex('^application/problem\\+json(;.*)?$', 'application/problem+json'),
  },
  body: { status: M.integer(status), code, detail: M.string(detail) },
});

export const JSON_TYPE = M.regex('^application/json(;.*)?$', 'application/json; charset=utf-8');
