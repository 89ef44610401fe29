import { Clock, systemClock } from '@bff/platform-state';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { CoreApiWatch } from '@bff/core-client';

/** How long one look at core-api answers every readiness probe (probes of all kinds share it). */
export const READINESS_CACHE_MS = 5_000;

/**
 * A BFF's readiness detail about core-api. It is always "up": a BFF whose core-api is down
 * still serves (degraded answers, 503 problems), and taking every BFF out of rotation would not
 * bring core-api back. It reports whether core-api answered over HTTP, for operators: its
 * liveness answers 200 where core-api serves everything on one port, and 404 where core-api keeps
 * its probes on an admin port the BFFs cannot reach (production); either way core-api is there.
 *
 * One call to core-api serves every readiness check for `cacheMs` (concurrent checks included),
 * so however often /health/ready is asked, core-api sees at most one call per window.
 */
export class CoreApiHealthIndicator {
  private last?: { at: number; result: Promise<HealthIndicatorResult> };

  constructor(
    private readonly baseUrl: string,
    private readonly clock: Clock = systemClock,
    private readonly cacheMs = READINESS_CACHE_MS,
    /** Told what each look found, so an outage or recovery seen by a probe reaches the log. */
    private readonly watch?: CoreApiWatch,
  ) {}

  check(timeoutMs = 500): Promise<HealthIndicatorResult> {
    const now = this.clock.now();
    if (!this.last || now - this.last.at >= this.cacheMs) {
      this.last = { at: now, result: this.look(timeoutMs) };
    }
    return this.last.result;
  }

  private async look(timeoutMs: number): Promise<HealthIndicatorResult> {
    const started = Date.now();
    try {
      const res = await fetch(`${this.baseUrl}/health/live`, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      this.watch?.answered({ status: res.status });
      return {
        coreApi: {
          status: 'up',
          reachable: res.status < 500,
          httpStatus: res.status,
          latencyMs: Date.now() - started,
        },
      };
    } catch (error) {
      // Connection failures only: a look that merely took longer than `timeoutMs` is not an outage.
      this.watch?.failed(error);
      return { coreApi: { status: 'up', reachable: false, latencyMs: Date.now() - started } };
    }
  }
}
