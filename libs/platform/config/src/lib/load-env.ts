import { z } from 'zod';

/** Thrown when the environment does not satisfy a service's schema. Its message is one line. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid environment variable ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Validates `env` against `schema` and returns the typed, defaulted result.
 * Empty strings count as unset, so `PORT=` falls back to the default instead of failing oddly.
 * The first problem is reported as a single line naming the variable (and never its value when
 * the variable is a secret: see {@link secret}).
 */
export function loadEnv<S extends z.ZodObject>(schema: S, env: Env = process.env): z.output<S> {
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? '(unknown)');
  const shown = isSecret(schema, variable) ? '' : describeValue(cleaned[variable]);
  throw new ConfigError(variable, `${issue?.message ?? 'invalid'}${shown}`);
}

function describeValue(value: string | undefined): string {
  return value === undefined ? ' (not set)' : ` (got ${JSON.stringify(value)})`;
}

const SECRET = Symbol.for('bff.config.secret');

/** Marks a variable as a secret: its value never appears in an error message. */
export function secret<T extends z.ZodType>(schema: T): T {
  (schema as unknown as Record<symbol, boolean>)[SECRET] = true;
  return schema;
}

function isSecret(schema: z.ZodObject, variable: string): boolean {
  let field: unknown = schema.shape[variable];
  // Unwrap .default()/.optional() wrappers to find the marked schema.
  while (field && typeof field === 'object') {
    if ((field as Record<symbol, boolean>)[SECRET]) return true;
    const inner = (field as { def?: { innerType?: unknown } }).def?.innerType;
    if (!inner) break;
    field = inner;
  }
  return false;
}
