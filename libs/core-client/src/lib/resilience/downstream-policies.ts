import {
  CircuitBreakerPolicy,
  ConsecutiveBreaker,
  IBreaker,
  IPolicy,
  SamplingBreaker,
  circuitBreaker,
  handleWhen,
  retry,
} from 'cockatiel';
import type { CircuitState } from 'cockatiel';
import { CoreClientMetrics } from '../metrics/core-client.metrics';
import { isDownstreamFault, isTransient } from './failure-kinds';
import { Operation, OperationGroup, groupOf } from '../operations';
import { DEFAULT_RESILIENCE, OperationOverrides, ResilienceOptions } from './resilience.options';
import { Bulkhead } from './bulkhead';
import { RetryAfterBackoff } from './retry-after-backoff';
import { Timeout } from './timeout';

/** Opens when either breaker would: a failure rate over a window, or a run of failures. */
class EitherBreaker implements IBreaker {
  constructor(
    private readonly a: IBreaker,
    private readonly b: IBreaker,
  ) {}

  get state(): unknown {
    return [this.a.state, this.b.state];
  }

  set state(value: unknown) {
    const [a, b] = value as [unknown, unknown];
    this.a.state = a;
    this.b.state = b;
  }

  success(state: CircuitState): void {
    this.a.success(state);
    this.b.success(state);
  }

  failure(state: CircuitState): boolean {
    const a = this.a.failure(state);
    const b = this.b.failure(state);
    return a || b;
  }
}

interface Group {
  breaker: CircuitBreakerPolicy;
  bulkhead: Bulkhead;
}

/** What one call runs: the attempt gets an AbortSignal that fires at its timeout or the deadline. */
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Policies run one inside the other, outermost first: cockatiel's `wrap()`, without the context
 * object it copies at every level of every call (an attempt only needs the innermost signal).
 */
class Chain {
  constructor(private readonly policies: readonly IPolicy[]) {}

  execute<T>(attempt: Attempt<T>): Promise<T> {
    const { policies } = this;
    const run = (signal: AbortSignal | undefined, level: number): Promise<T> => {
      const policy = policies[level];
      // The innermost policy, the attempt timeout, always hands its signal on.
      if (!policy) return attempt(signal as AbortSignal);
      return policy.execute(({ signal: inner }) => run(inner, level + 1), signal) as Promise<T>;
    };
    return run(undefined, 0);
  }
}

/**
 * The cockatiel policies around core-api calls, built once per client:
 * deadline ⟶ retry (idempotent calls only) ⟶ circuit breaker (per downstream group) ⟶ bulkhead
 * (per group) ⟶ attempt timeout. See docs/adr/0006-resilience.md.
 */
export class DownstreamPolicies {
  readonly options: ResilienceOptions;
  private readonly groups = new Map<OperationGroup, Group>();
  private readonly chains = new Map<string, Chain>();

  constructor(
    options: Partial<ResilienceOptions> = {},
    private readonly overrides: OperationOverrides = {},
    private readonly metrics?: CoreClientMetrics,
  ) {
    this.options = { ...DEFAULT_RESILIENCE, ...options };
  }

  /**
   * Runs one call under its operation's policies, in its caller's async context (trace,
   * request-scoped logger), also after waiting in the bulkhead (see `Bulkhead`).
   */
  execute<T>(operation: Operation, idempotent: boolean, attempt: Attempt<T>): Promise<T> {
    return this.chain(operation, idempotent).execute(attempt);
  }

  /** The deadline of an operation, for callers that budget time (e.g. Retry-After). */
  deadlineOf(operation: Operation): number {
    return this.overrides[operation]?.deadlineMs ?? this.options.deadlineMs;
  }

  private chain(operation: Operation, idempotent: boolean): Chain {
    const key = `${operation}:${idempotent ? 'i' : 'n'}`;
    let chain = this.chains.get(key);
    if (!chain) {
      chain = this.build(operation, idempotent);
      this.chains.set(key, chain);
    }
    return chain;
  }

  private build(operation: Operation, idempotent: boolean): Chain {
    const o = { ...this.options, ...this.overrides[operation] };
    const { breaker, bulkhead: slots } = this.group(groupOf(operation));
    const deadline = new Timeout(o.deadlineMs);
    const attempt = new Timeout(o.attemptTimeoutMs);
    if (!idempotent || o.retries === 0) return new Chain([deadline, breaker, slots, attempt]);
    const retries = retry(handleWhen(isTransient), {
      maxAttempts: o.retries,
      backoff: new RetryAfterBackoff({ initialDelay: o.backoffBaseMs, maxDelay: o.maxBackoffMs }),
    });
    retries.onRetry(() => this.metrics?.retries.inc({ operation }));
    return new Chain([deadline, retries, breaker, slots, attempt]);
  }

  private group(name: OperationGroup): Group {
    let group = this.groups.get(name);
    if (!group) {
      const o = this.options;
      const breaker = circuitBreaker(handleWhen(isDownstreamFault), {
        halfOpenAfter: o.breakerHalfOpenAfterMs,
        breaker: new EitherBreaker(
          new SamplingBreaker({
            threshold: o.breakerThreshold,
            duration: o.breakerWindowMs,
            minimumRps: o.breakerMinCalls / (o.breakerWindowMs / 1000),
          }),
          new ConsecutiveBreaker(o.breakerConsecutiveFailures),
        ),
      });
      this.metrics?.circuitState.set({ downstream: name }, 0);
      breaker.onStateChange((state) => this.metrics?.circuitState.set({ downstream: name }, state));
      group = { breaker, bulkhead: new Bulkhead(o.bulkheadLimit, o.bulkheadQueue) };
      this.groups.set(name, group);
    }
    return group;
  }
}
