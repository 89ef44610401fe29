/**
 * Partial responses. An aggregate (a page, a screen) names its parts and says which it cannot
 * do without: `aggregate({ product: required(() => …), reviews: optional(() => …) })` runs them
 * all in parallel. A failed optional part is left out and named in `degraded`; a failed required
 * part fails the aggregate with that part's own problem (404, 503, 504, …) at once.
 */
export interface Part<T, R extends boolean = boolean> {
  readonly required: R;
  readonly load: () => Promise<T>;
}

export const required = <T>(load: () => Promise<T>): Part<T, true> => ({ required: true, load });
export const optional = <T>(load: () => Promise<T>): Part<T, false> => ({ required: false, load });

type Parts = Record<string, Part<unknown>>;
type ValueOf<P> = P extends Part<infer T> ? T : never;
type RequiredKeys<P extends Parts> = {
  [K in keyof P]: P[K] extends Part<unknown, true> ? K : never;
}[keyof P];
type OptionalKeys<P extends Parts> = Exclude<keyof P, RequiredKeys<P>>;

/** Required parts are always present; optional ones only when they loaded. */
export type Loaded<P extends Parts> = { [K in RequiredKeys<P>]: ValueOf<P[K]> } & {
  [K in OptionalKeys<P>]?: ValueOf<P[K]>;
};

export interface Aggregated<P extends Parts> {
  parts: Loaded<P>;
  /** Names of the optional parts that failed, in declaration order; empty when complete. */
  degraded: Array<OptionalKeys<P> & string>;
}

export interface AggregateOptions {
  /** Told about each optional part that failed, e.g. to log it. */
  onDegraded?: (part: string, error: unknown) => void;
}

export async function aggregate<P extends Parts>(
  parts: P,
  options: AggregateOptions = {},
): Promise<Aggregated<P>> {
  const names = Object.keys(parts);
  const outcomes = await Promise.all(
    names.map(async (name) => {
      const part = parts[name] as Part<unknown>;
      try {
        return { name, ok: true as const, value: await part.load() };
      } catch (error) {
        if (part.required) throw error;
        options.onDegraded?.(name, error);
        return { name, ok: false as const };
      }
    }),
  );
  const loaded: Record<string, unknown> = {};
  const degraded: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) loaded[outcome.name] = outcome.value;
    else degraded.push(outcome.name);
  }
  return { parts: loaded as Loaded<P>, degraded: degraded as Aggregated<P>['degraded'] };
}
