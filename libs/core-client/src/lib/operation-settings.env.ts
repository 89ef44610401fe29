import { z } from 'zod';
import { OPERATION_NAMES, Operation, isOperation } from './operations';
import { OperationOverrides } from './resilience/resilience.options';
const millis = (max: number) => z.number().int().min(1).max(max);

/** What one operation may set for itself; anything it leaves out keeps the service-wide value. */
const operationSettings = z
  .strictObject({
    attemptTimeoutMs: millis(60_000).optional(),
    deadlineMs: millis(120_000).optional(),
    retries: z.number().int().min(0).max(5).optional(),
    /** How long a public read stays cached; 0 never caches it. Personal and non-GET calls never are. */
    cacheTtlMs: z.number().int().min(0).max(86_400_000).optional(),
  })
  .refine(
    (o) =>
      o.attemptTimeoutMs === undefined ||
      o.deadlineMs === undefined ||
      o.attemptTimeoutMs <= o.deadlineMs,
    {
      error: 'attemptTimeoutMs must not exceed deadlineMs',
    },
  );

export type OperationSettings = Partial<Record<string, z.output<typeof operationSettings>>>;

/**
 * `CORE_API_OPERATIONS`: per-operation settings as JSON, over the service-wide `CORE_API_*` values,
 * e.g. `{"getReviews":{"attemptTimeoutMs":400,"retries":1,"cacheTtlMs":5000}}`. Operation names
 * are core-client's (`getProduct`, `getReviews`, …); an unknown name or field stops start-up.
 */
export const operationSettingsVar = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON object, e.g. {"getReviews":{"retries":1}}',
      });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), operationSettings))
  .superRefine((settings, ctx) => {
    for (const name of Object.keys(settings)) {
      if (!isOperation(name))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `unknown operation; known: ${OPERATION_NAMES.join(', ')}`,
        });
    }
  });

/** The settings split into the policies' overrides and the cache's TTLs. */
export function splitOperationSettings(settings: OperationSettings = {}): {
  operations: OperationOverrides;
  cacheTtls: Partial<Record<Operation, number>>;
} {
  const operations: OperationOverrides = {};
  const cacheTtls: Partial<Record<Operation, number>> = {};
  for (const [operation, s] of Object.entries(settings)) {
    // The schema refused unknown names; this only narrows the type.
    if (!s || !isOperation(operation)) continue;
    const { cacheTtlMs, ...policies } = s;
    if (Object.keys(policies).length) operations[operation] = policies;
    if (cacheTtlMs !== undefined) cacheTtls[operation] = cacheTtlMs;
  }
  return { operations, cacheTtls };
}
