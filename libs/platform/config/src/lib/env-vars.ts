import { z } from 'zod';

export interface WholeNumberRange {
  min: number;
  /** Omitted: no upper bound. */
  max?: number;
  /** What the number counts, for the error (e.g. `milliseconds`). */
  unit?: string;
  /** Why the bound is there, for the error (e.g. `at most 15 minutes`). */
  note?: string;
}

/** A whole number within a range; a value outside it stops start-up with one line saying the range. */
export const wholeNumberVar = (fallback: number, { min, max, unit, note }: WholeNumberRange) => {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const error = `must be a whole number ${unit ? `of ${unit} ` : ''}${range}${note ? ` (${note})` : ''}`;
  const base = z.coerce.number({ error }).int({ error }).min(min, { error });
  return (max === undefined ? base : base.max(max, { error })).default(fallback);
};

/** A TCP port; 0 asks the operating system for a free one (used by tests). */
export const portVar = (fallback: number) => wholeNumberVar(fallback, { min: 0, max: 65535 });

/** A TCP port that may be left unset (then `undefined`); 0 asks the operating system for a free one. */
export const optionalPortVar = z.coerce
  .number({ error: 'must be a whole number from 0 to 65535' })
  .int({ error: 'must be a whole number from 0 to 65535' })
  .min(0, { error: 'must be a whole number from 0 to 65535' })
  .max(65535, { error: 'must be a whole number from 0 to 65535' })
  .optional();

/** An absolute http(s) URL, without a trailing slash. */
export const httpUrlVar = (fallback: string) =>
  z
    .string()
    .refine((value) => /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(value) && URL.canParse(value), {
      error: 'must be an absolute http:// or https:// URL',
    })
    .transform((value) => value.replace(/\/+$/, ''))
    .default(fallback);

/** A positive whole number of milliseconds. */
export const millisVar = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int({ error: 'must be a whole number of milliseconds' })
    .positive({ error: 'must be a positive number of milliseconds' })
    .default(fallback);

export const nodeEnvVar = z
  .enum(['development', 'test', 'production'], {
    error: 'must be one of development, test, production',
  })
  .default('development');

export const logLevelVar = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  .default('info');

/** `true` or `false`. */
export const boolVar = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

const TRUST_PROXY_ERROR =
  'must be false, true, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs';

/**
 * Which proxies' `X-Forwarded-For` to believe when working out the client's address (rate limits
 * and logs count per client): `false` (default: the socket's peer is the client), `true` (any), a
 * number of hops, or proxy addresses and CIDR ranges. Fastify's `trustProxy`.
 */
export const trustProxyVar = z
  .string()
  .default('false')
  .refine(
    (value) => /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/.test(value.trim()),
    {
      error: TRUST_PROXY_ERROR,
    },
  )
  .transform((value): boolean | number | string[] => {
    const trimmed = value.trim();
    if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
    return trimmed.split(',').map((part) => part.trim());
  });

/** The variables every service reads. Apps extend this with their own. */
export const serviceEnvSchema = z.object({
  NODE_ENV: nodeEnvVar,
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:_-]+$/, { error: 'must be a host name or IP address' })
    .default('127.0.0.1'),
  LOG_LEVEL: logLevelVar,
  /**
   * After SIGTERM, how long to keep serving (with readiness failing) before closing the listener,
   * so load balancers notice first. 0 locally; set it above the balancer's probe interval in production.
   */
  SHUTDOWN_DRAIN_MS: wholeNumberVar(0, { min: 0, max: 20_000, unit: 'milliseconds' }),
  /** Serve Prometheus metrics at /metrics. */
  METRICS_ENABLED: boolVar(true),
  /** Serve Swagger UI at /docs and the document at /docs-json. */
  DOCS_ENABLED: boolVar(true),
  /** Include each check's details in /health/ready answers (off: only the status). */
  HEALTH_DETAILS: boolVar(true),
  TRUST_PROXY: trustProxyVar,
  /**
   * The port of the operational endpoints (/health/*, /metrics, /docs, /docs-json), which then
   * answer there only, while PORT serves only the API: probes and Prometheus reach the pod on
   * ADMIN_PORT, which no Service exposes. Unset: everything on PORT, except under
   * NODE_ENV=production, where it defaults to 9000 (libs/platform/bootstrap).
   */
  ADMIN_PORT: optionalPortVar,
  /**
   * Take an incoming `traceparent` as the parent of the request's trace (read by
   * libs/platform/tracing before start-up). Unset: false for the BFFs, whose callers are the
   * internet (a new trace, linked to the caller's), true for core-api, whose callers are the BFFs.
   */
  TRACE_TRUST_INBOUND: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
});

export type ServiceEnv = z.output<typeof serviceEnvSchema>;
