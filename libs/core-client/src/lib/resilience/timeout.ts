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
    const aborter = new AbortController();
    const signal = aborter.signal;
    const outerAborted = () => aborter.abort(outer?.reason);
    if (outer?.aborted) aborter.abort(outer.reason);
    else outer?.addEventListener('abort', outerAborted);
    const cancelled = () => new TaskCancelledError(`Operation timed out after ${this.duration}ms`);
    // An outer signal that had already aborted: the call is not started (no listener was added).
    if (signal.aborted) return Promise.reject(cancelled());
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => aborter.abort(), this.duration);
      const settled = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', timedOut);
        outer?.removeEventListener('abort', outerAborted);
      };
      function timedOut() {
        settled();
        reject(cancelled());
      }
      signal.addEventListener('abort', timedOut);
      let result: PromiseLike<T> | T;
      try {
        result = fn({ signal });
      } catch (error) {
        settled();
        return reject(error);
      }
      Promise.resolve(result).then(
        (value) => {
          settled();
          resolve(value);
        },
        (error: unknown) => {
          settled();
          reject(error);
        },
      );
    });
  }
}
