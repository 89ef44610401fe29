import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Dispatcher } from 'undici';
import { CoreApiWatch } from './core-api-watch';

/** How long the start-up look at core-api waits before calling it unreachable (timeout). */
export const STARTUP_PROBE_TIMEOUT_MS = 10_000;

/**
 * One look at core-api's liveness when the BFF has started, so a wrong `CORE_API_URL` or a
 * core-api that is down is in the log at once, not at the first shopper's request. It does not
 * hold up the start, and a shutdown (or `--openapi` generation) cancels it without a word.
 */
export class CoreApiStartupProbe implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly stopped = new AbortController();
  /** The running look, for tests. */
  done?: Promise<void>;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly watch: CoreApiWatch,
    private readonly timeoutMs = STARTUP_PROBE_TIMEOUT_MS,
  ) {}

  onApplicationBootstrap(): void {
    this.done = this.look();
  }

  onModuleDestroy(): void {
    this.stopped.abort();
  }

  private async look(): Promise<void> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const base = new URL(this.watch.baseUrl);
    try {
      const answer = await this.dispatcher.request({
        origin: base.origin,
        path: `${base.pathname.replace(/\/+$/, '')}/health/live`,
        method: 'GET',
        signal: AbortSignal.any([this.stopped.signal, timeout]),
      });
      await answer.body.dump();
      if (!this.stopped.signal.aborted) this.watch.answered({ status: answer.statusCode });
    } catch (error) {
      if (this.stopped.signal.aborted) return;
      if (timeout.aborted) this.watch.unreachable('timeout');
      else this.watch.failed(error);
    }
  }
}
