import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { connectionFailureOf } from './connection-failure';
import { CoreApiWatch } from './core-api-watch';

export interface StartupProbeOptions {
  /** How long one look waits for an answer before calling core-api unreachable (timeout). */
  timeoutMs?: number;
  /**
   * How long refused connections are taken for a core-api that is still starting (`npm start`
   * starts all three services at once) before the look reports it unreachable.
   */
  graceMs?: number;
  /** Pause between looks within the grace period. */
  retryEveryMs?: number;
}

const DEFAULTS: Required<StartupProbeOptions> = {
  timeoutMs: 10_000,
  graceMs: 10_000,
  retryEveryMs: 500,
};

/**
 * A look at core-api's liveness when the BFF has started, so a wrong `CORE_API_URL` or a
 * core-api that is down is in the log within seconds, not at the first shopper's request. It
 * does not hold up the start, gives a core-api that is starting beside it `graceMs`, and a
 * shutdown (or `--openapi` generation) cancels it without a word.
 */
export class CoreApiStartupProbe implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly stopped = new AbortController();
  private readonly options: Required<StartupProbeOptions>;
  /** The running look, for tests. */
  done?: Promise<void>;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly watch: CoreApiWatch,
    options: StartupProbeOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  onApplicationBootstrap(): void {
    this.done = this.look();
  }

  onModuleDestroy(): void {
    this.stopped.abort();
  }

  private async look(): Promise<void> {
    const until = Date.now() + this.options.graceMs;
    for (;;) {
      const timeout = AbortSignal.timeout(this.options.timeoutMs);
      try {
        const status = await this.once(AbortSignal.any([this.stopped.signal, timeout]));
        if (!this.stopped.signal.aborted) this.watch.answered({ status });
        return;
      } catch (error) {
        if (this.stopped.signal.aborted) return;
        if (timeout.aborted) return this.watch.unreachable('timeout');
        if (!connectionFailureOf(error) || Date.now() >= until) return this.watch.failed(error);
      }
      try {
        await sleep(this.options.retryEveryMs, undefined, { signal: this.stopped.signal });
      } catch {
        return; // shut down while waiting
      }
    }
  }

  private async once(signal: AbortSignal): Promise<number> {
    const base = new URL(this.watch.baseUrl);
    const answer = await this.dispatcher.request({
      origin: base.origin,
      path: `${base.pathname.replace(/\/+$/, '')}/health/live`,
      method: 'GET',
      signal,
    });
    await answer.body.dump();
    return answer.statusCode;
  }
}
