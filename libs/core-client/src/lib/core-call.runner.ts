import { HttpService } from '@nestjs/axios';
import { ServiceTokenSigner } from '@bff/platform-auth';
import { ProblemException } from '@bff/platform-problem';
import { AxiosRequestConfig } from 'axios';
import { CacheOptions, ResponseCache } from './cache/response-cache';
import { DownstreamBadResponseProblem, toDownstreamProblem } from './errors/downstream-errors';
import { CoreClientMetrics } from './metrics/core-client.metrics';
import { AnswerOf, Operation, satisfiesContract } from './operations';
import { DownstreamPolicies } from './resilience/downstream-policies';
import {
  IN_FLIGHT_POLL_MS,
  isRequestInFlight,
  markNotRetryable,
  retryAfterMs,
  retryDelayMs,
  setRetryDelay,
} from './resilience/failure-kinds';
import { InFlight } from './resilience/in-flight';
import { OperationOverrides, ResilienceOptions } from './resilience/resilience.options';
import { CoreTransport } from './transport/core-transport';
import { CoreApiWatch } from './watch/core-api-watch';

/** Who a call is made for: a signed-in customer's id, or null for an anonymous visitor. */
export type OnBehalfOf = number | null;

export interface CallRunnerOptions {
  resilience?: Partial<ResilienceOptions>;
  operations?: OperationOverrides;
  /** Response cache settings; `false` turns the cache off. */
  cache?: CacheOptions | false;
  metrics?: CoreClientMetrics;
  /** Told every attempt's outcome, to log core-api becoming unreachable or refusing our token. */
  watch?: CoreApiWatch;
}

/**
 * The single path every core-api call takes: response cache ⟶ coalescing of identical GETs ⟶
 * resilience policies (deadline, retry, breaker, bulkhead, attempt timeout) ⟶ HTTP ⟶ contract
 * check. Every failure leaves as a problem the BFF can answer with.
 */
export class CoreCallRunner {
  readonly policies: DownstreamPolicies;
  readonly cache?: ResponseCache;
  readonly metrics: CoreClientMetrics;
  private readonly inFlight = new InFlight();
  private readonly transport: CoreTransport;

  constructor(
    http: HttpService,
    private readonly signer: ServiceTokenSigner,
    options: CallRunnerOptions = {},
  ) {
    this.transport = new CoreTransport(http, options.watch);
    this.metrics = options.metrics ?? new CoreClientMetrics();
    this.policies = new DownstreamPolicies(options.resilience, options.operations, this.metrics);
    this.cache = options.cache === false ? undefined : new ResponseCache(options.cache);
  }

  /** Calls `operation` and answers what its contract in `OPERATIONS` proves (else a 502). */
  async call<O extends Operation>(
    operation: O,
    request: AxiosRequestConfig,
    onBehalfOf: OnBehalfOf = null,
  ): Promise<AnswerOf<O>> {
    const stopTimer = this.metrics.duration.startTimer({ operation });
    let outcome = 'ok';
    try {
      return await this.cached<AnswerOf<O>>(operation, request, onBehalfOf);
    } catch (error) {
      const problem = toDownstreamProblem(error, operation);
      // Our own bounded codes; core-api's not-found codes vary per resource, so they are folded.
      outcome = problem.getStatus() === 404 ? 'not_found' : problem.code;
      throw problem;
    } finally {
      stopTimer({ outcome });
      this.metrics.calls.inc({ operation, outcome });
    }
  }

  private async cached<T>(
    operation: Operation,
    request: AxiosRequestConfig,
    onBehalfOf: OnBehalfOf,
  ): Promise<T> {
    const method = (request.method ?? 'GET').toUpperCase();
    const params = withoutUndefined(request.params as object | undefined);
    const scope = onBehalfOf === null ? 'public' : `user:${onBehalfOf}`;
    const key = `${scope} ${method} ${request.url ?? ''}${params ? `?${new URLSearchParams(params as Record<string, string>).toString()}` : ''}`;
    const ttl = this.cache?.ttlOf(operation, method, params, onBehalfOf !== null);
    const send = (): Promise<T> =>
      this.send<T>(operation, { ...request, method, params }, onBehalfOf);

    if (!this.cache || ttl === undefined) {
      return method === 'GET'
        ? this.inFlight.run(key, send, () => this.metrics.coalesced.inc({ operation }))
        : send();
    }
    const cache = this.cache;
    const found = await cache.lookup(key, ttl);
    if (found.fresh && found.answer) {
      this.metrics.cache.inc({ operation, result: 'hit' });
      return found.answer.value as T;
    }
    this.metrics.cache.inc({ operation, result: 'miss' });
    try {
      return await this.inFlight.run(
        key,
        async () => {
          const value = await send();
          void cache.save(key, value, ttl);
          return value;
        },
        () => this.metrics.coalesced.inc({ operation }),
      );
    } catch (error) {
      // Serve stale only when core-api is failing, never over a real answer such as a 404.
      if (found.answer && error instanceof ProblemException && error.getStatus() >= 500) {
        this.metrics.cache.inc({ operation, result: 'stale' });
        return found.answer.value as T;
      }
      throw error;
    }
  }

  private async send<T>(
    operation: Operation,
    request: AxiosRequestConfig,
    onBehalfOf: OnBehalfOf,
  ): Promise<T> {
    const method = request.method as string;
    const headers = (request.headers ?? {}) as Record<string, unknown>;
    const idempotent =
      method === 'GET' || method === 'HEAD' || typeof headers['idempotency-key'] === 'string';
    const deadlineAt = Date.now() + this.policies.deadlineOf(operation);
    let inFlightAnswers = 0;
    let data: unknown;
    try {
      data = await this.policies.execute(operation, idempotent, async (signal) => {
        try {
          // Signed inside the deadline (tokens are cached by the signer; a retry may need a fresh one).
          const token =
            this.signer.cachedToken(onBehalfOf) ?? (await this.signer.tokenFor(onBehalfOf));
          return await this.transport.send(request, signal, `Bearer ${token}`);
        } catch (error) {
          // Still running under this Idempotency-Key: ask again after 250 ms, then 500 ms, ….
          if (isRequestInFlight(error) && retryAfterMs(error) === undefined)
            setRetryDelay(error, IN_FLIGHT_POLL_MS * 2 ** inFlightAnswers++);
          // A wait beyond the deadline is not worth starting: fail now (a 409 in flight passes on).
          const wait = retryDelayMs(error);
          if (wait !== undefined && Date.now() + wait > deadlineAt) markNotRetryable(error);
          throw error;
        }
      });
    } catch (error) {
      throw toDownstreamProblem(error, operation);
    }
    if (!satisfiesContract(operation, data)) throw new DownstreamBadResponseProblem(operation);
    return data as T;
  }

  async close(): Promise<void> {
    await this.cache?.close();
  }
}

function withoutUndefined(params?: object): Record<string, unknown> | undefined {
  if (!params) return undefined;
  const entries = Object.entries(params).filter(([, value]) => value !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
