import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

/**
 * Knows whether the process is shutting down. Readiness reports 503 from the moment a
 * shutdown starts, so a load balancer stops routing new requests here while in-flight ones finish.
 */
@Injectable()
export class LifecycleService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beginShutdown(reason: string): void {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    this.logger.log(`Shutting down (${reason}); readiness now fails`);
  }

  beforeApplicationShutdown(signal?: string): void {
    this.beginShutdown(signal ?? 'application close');
  }
}
