import type {
  Event,
  IDefaultPolicyContext,
  IFailureEvent,
  IPolicy,
  ISuccessEvent,
} from 'cockatiel';

const NO_EVENTS = (() => ({ dispose: () => undefined })) as unknown as Event<never>;

/** What one of our policies runs: cockatiel's executed function. */
export type PolicyFn<T> = (context: IDefaultPolicyContext) => PromiseLike<T> | T;

/**
 * The base of our own cockatiel policies (`Timeout`, `Bulkhead`), so they compose with
 * cockatiel's in a chain. Nothing listens to an inner policy's success and failure events (the
 * call runner's metrics report calls), so these never fire and cost nothing per call.
 */
export abstract class OwnPolicy implements IPolicy {
  declare readonly _altReturn: never;
  readonly onSuccess = NO_EVENTS as Event<ISuccessEvent>;
  readonly onFailure = NO_EVENTS as Event<IFailureEvent>;

  abstract execute<T>(fn: PolicyFn<T>, signal?: AbortSignal): Promise<T>;
}
