/**
 * The building blocks of core-api's answer contracts: type guards, each saying what one value
 * must be. `shape<Dto>()` takes one check per property of the DTO, so a contract that forgets a
 * property, or checks it as the wrong type, does not compile.
 */
export type Check<T> = (value: unknown) => value is T;

/** The type a check proves. */
export type Checked<C> = C extends Check<infer T> ? T : never;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const int: Check<number> = (v): v is number => Number.isSafeInteger(v);
/** core-api's ids: serial integers, so positive. */
export const id: Check<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) > 0;
export const count: Check<number> = (v): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0;
export const num: Check<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
export const str: Check<string> = (v): v is string => typeof v === 'string';
export const text: Check<string> = (v): v is string => typeof v === 'string' && v.length > 0;
export const dateTime: Check<string> = (v): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

export const oneOf =
  <const T extends readonly (string | number)[]>(...values: T): Check<T[number]> =>
  (v): v is T[number] =>
    values.includes(v as T[number]);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v): v is T | null =>
    v === null || check(v);

export const arrayOf =
  <T>(check: Check<T>): Check<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.every(check);

export const recordOf =
  <T>(check: Check<T>): Check<Record<string, T>> =>
  (v): v is Record<string, T> =>
    isObject(v) && Object.values(v).every(check);

/**
 * An object with every property of `T`, each passing its check. Extra properties are allowed (a
 * newer core-api may add some). Runs on every core-api answer: the field list is built once.
 */
export function shape<T extends object>(fields: { [K in keyof T]-?: Check<T[K]> }): Check<T> {
  const entries = Object.entries(fields) as [string, Check<unknown>][];
  return (v): v is T => {
    if (!isObject(v)) return false;
    for (const [name, check] of entries) if (!check(v[name])) return false;
    return true;
  };
}
