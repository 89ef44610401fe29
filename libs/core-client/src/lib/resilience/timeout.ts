import { TaskCancelledError } from 'cockatiel';
import { OwnPolicy, PolicyFn } from './own-policy';

/**
 * Gives up on a call after `duration` ms: the call's signal is aborted (undici drops the request)
 * and the caller gets a `TaskCancelledError` at once, without waiting for the call to notice. The
 * same happens when the signal the policy was given aborts (an outer timeout). That is
 * cockatiel's `timeout(duration, { strategy: Aggressive, abortOnReturn: false })`, as a cockatiel
 * policy, without its per-call executor, events and derived-signal bookkeeping: every core-api
 * call passes two of these (its deadline and its attempt), and they were a tenth of a page's
 * allocations (docs/performance.md).
 */
export class Timeout extends OwnPolicy {
  constructor(readonly duration: number) {
    super();
  }

  execute<T>(fn: PolicyFn<T>, outer?: AbortSignal): Promise<T> {
    const cancelled = () => new TaskCancelledError(`Operation timed out after ${this.duration}ms`);
    // An outer signal that had already aborted: the call is not started (no listener is added).
    if (outer?.aborted) return Promise.reject(cancelled());
    const aborter = new AbortController();
    return new Promise<T>((resolve, reject) => {
      // Only this policy aborts its controller, at one of two places: each rejects the caller
      // itself, so the signal needs no listener of ours (one add and one remove less per call).
      let done = false;
      const settled = (): boolean => {
        if (done) return false;
        done = true;
        clearTimeout(timer);
        outer?.removeEventListener('abort', outerAborted);
        return true;
      };
      const giveUp = (reason?: unknown) => {
        if (!settled()) return;
        aborter.abort(reason);
        reject(cancelled());
      };
      const timer = setTimeout(giveUp, this.duration);
      function outerAborted() {
        giveUp(outer?.reason);
      }
      outer?.addEventListener('abort', outerAborted);
      let result: PromiseLike<T> | T;
      try {
        result = fn({ signal: aborter.signal });
      } catch (error) {
        settled();
        return reject(error);
      }
      Promise.resolve(result).then(
        (value) => {
          if (settled()) resolve(value);
        },
        (error: unknown) => {
          if (settled()) reject(error);
        },
      );
    });
  }
}
