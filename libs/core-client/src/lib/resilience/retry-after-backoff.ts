import { ExponentialBackoff, IBackoff, IBackoffFactory, IRetryBackoffContext } from 'cockatiel';
import { retryDelayMs } from './failure-kinds';

type Context = IRetryBackoffContext<unknown>;

/**
 * cockatiel's exponential backoff with decorrelated jitter, except that a `Retry-After` from the
 * downstream, or a wait the call chose for that error (a request in flight), wins. (A Retry-After longer than the time left is never waited for: the call marks
 * that error not retryable, see `CoreApiClient`.)
 */
export class RetryAfterBackoff implements IBackoffFactory<Context> {
  private readonly inner: IBackoffFactory<unknown>;

  constructor(options: { initialDelay: number; maxDelay: number } | IBackoffFactory<unknown>) {
    this.inner = 'next' in options ? options : new ExponentialBackoff(options);
  }

  next(context: Context): IBackoff<Context> {
    const following = this.inner.next(context);
    const hinted = 'error' in context.result ? retryDelayMs(context.result.error) : undefined;
    return {
      duration: hinted ?? following.duration,
      next: (ctx: Context) => new RetryAfterBackoff(following).next(ctx),
    };
  }
}
