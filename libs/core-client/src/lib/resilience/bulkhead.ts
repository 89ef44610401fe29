import { BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { OwnPolicy, PolicyFn } from './own-policy';

const NEVER_ABORTED = new AbortController().signal;

/**
 * At most `capacity` calls of a downstream group at once, and at most `queueCapacity` more
 * waiting for a slot; any further call is refused at once (`BulkheadRejectedError`, answered as
 * core-api overloaded). A cockatiel policy, so it composes with the others in `wrap()`.
 *
 * Unlike cockatiel's own bulkhead, a waiting call is not started by the call that frees its slot:
 * the slot is handed over and the waiting call goes on by itself, in its own async context (its
 * request's trace and logger). cockatiel's ran it from inside the finishing call, in that other
 * request's context, so under load a page's core-api calls carried other pages' trace ids.
 */
export class Bulkhead extends OwnPolicy {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly capacity: number,
    readonly queueCapacity: number,
  ) {
    super();
  }

  /** Free slots now. */
  get executionSlots(): number {
    return this.capacity - this.active;
  }

  async execute<T>(fn: PolicyFn<T>, signal: AbortSignal = NEVER_ABORTED): Promise<T> {
    if (signal.aborted) throw new TaskCancelledError();
    if (this.active < this.capacity) this.active++;
    else if (this.waiting.length < this.queueCapacity) {
      // Resumes here, in the caller's context, once a finishing call hands over its slot.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (signal.aborted) {
        this.release();
        throw new TaskCancelledError();
      }
    } else throw new BulkheadRejectedError(this.capacity, this.queueCapacity);
    try {
      return await fn({ signal });
    } finally {
      this.release();
    }
  }

  /** Hands the slot to the first waiting call, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
