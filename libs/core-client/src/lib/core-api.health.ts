import type { HealthIndicatorResult } from '@nestjs/terminus';

/**
 * A BFF's readiness detail about core-api. It is always "up": a BFF whose core-api is down
 * still serves (degraded answers, 503 problems), and taking every BFF out of rotation would not
 * bring core-api back. It reports whether core-api's liveness answered, for operators.
 */
export class CoreApiHealthIndicator {
  constructor(private readonly baseUrl: string) {}

  async check(timeoutMs = 500): Promise<HealthIndicatorResult> {
    const started = Date.now();
    try {
      const res = await fetch(`${this.baseUrl}/health/live`, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      return {
        coreApi: {
          status: 'up',
          reachable: res.ok,
          httpStatus: res.status,
          latencyMs: Date.now() - started,
        },
      };
    } catch {
      return { coreApi: { status: 'up', reachable: false, latencyMs: Date.now() - started } };
    }
  }
}
