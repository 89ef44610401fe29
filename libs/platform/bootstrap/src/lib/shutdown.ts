import { INestApplication, Logger } from '@nestjs/common';
import { LifecycleService } from '@bff/platform-health';

export interface ShutdownOptions {
  /** Keep serving this long after the signal, with readiness failing, before closing. */
  drainMs: number;
  /** Give up and exit 1 if closing takes longer than this. */
  timeoutMs?: number;
  exit?: (code: number) => void;
  /** Runs after the app has closed, e.g. to flush pending trace spans. */
  afterClose?: () => Promise<void>;
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: readiness turns 503 at once, the server keeps serving for
 * `drainMs` (so the load balancer stops sending traffic), then stops accepting connections, lets
 * in-flight requests finish, closes pools through Nest's shutdown hooks and exits 0.
 */
export function installShutdown(app: INestApplication, options: ShutdownOptions): void {
  const logger = new Logger('Shutdown');
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;

  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    app.get(LifecycleService, { strict: false }).beginShutdown(signal);
    const hardStop = setTimeout(() => {
      logger.error(`Shutdown took longer than ${options.timeoutMs ?? 25_000} ms; exiting anyway`);
      exit(1);
    }, options.timeoutMs ?? 25_000);
    hardStop.unref();
    try {
      if (options.drainMs > 0) {
        logger.log(`Draining for ${options.drainMs} ms before closing`);
        await new Promise((resolve) => setTimeout(resolve, options.drainMs));
      }
      await app.close();
      await options
        .afterClose?.()
        .catch((error: unknown) => logger.warn({ err: error }, 'Flushing telemetry failed'));
      logger.log('Closed cleanly');
      exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      exit(1);
    }
  };

  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
