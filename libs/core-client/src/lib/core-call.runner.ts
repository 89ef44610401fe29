import { ServiceTokenSigner } from '@bff/platform-auth';
import { ProblemException } from '@bff/platform-problem';
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
import { CoreRequest, QueryValue } from './transport/core-request';
import { CoreTransport } from './transport/core-transport';

/** Who a call is made for: a signed-in customer's id, or null for an anonymous visitor. */
export type OnBehalfOf = number | null;

export interface CallRunnerOptions {
  resilience?: Partial<ResilienceOptions>;
  operations?: OperationOverrides;
  /** Response cache settings; `false` turns the cache off. */
  cache?: CacheOptions | false;
  metrics?: CoreClientMetrics;
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

  constructor(
    private readonly transport: CoreTransport,
    private readonly signer: ServiceTokenSigner,
    options: CallRunnerOptions = {},
  ) {
    this.metrics = options.metrics ?? new CoreClientMetrics();
    this.policies = new DownstreamPolicies(options.resilience, options.operations, this.metrics);
    this.cache = options.cache === false ? undefined : new ResponseCache(options.cache);
  }

  /** Calls `operation` and answers what its contract in `OPERATIONS` proves (else a 502). */
  async call<O extends Operation>(
    operation: O,
    request: CoreRequest,
    onBehalfOf: OnBehalfOf = null,
  ): Promise<AnswerOf<O>> {
    const started = performance.now();
    let outcome = 'ok';
    try {
      return await this.cached(operation, request, onBehalfOf);
    } catch (error) {
      const problem = toDownstreamProblem(error, operation);
      // Our own bounded codes; core-api's not-found codes vary per resource, so they are folded.
      outcome = problem.getStatus() === 404 ? 'not_found' : problem.code;
      throw problem;
    } finally {
      this.metrics.duration.observe({ operation, outcome }, (performance.now() - started) / 1000);
      this.metrics.calls.inc({ operation, outcome });
    }
  }

  private async cached<O extends Operation>(
    operation: O,
    request: CoreRequest,
    onBehalfOf: OnBehalfOf,
  ): Promise<AnswerOf<O>> {
    const { method, path } = request;
    const query = definedQuery(request.query);
    const scope = onBehalfOf === null ? 'public' : `user:${onBehalfOf}`;
    const key = `${scope} ${method} ${path}${query ? `?${new URLSearchParams(query).toString()}` : ''}`;
    const ttl = this.cache?.ttlOf(operation, method, query, onBehalfOf !== null);
    const send = () => this.send(operation, { ...request, query }, onBehalfOf);

    if (!this.cache || ttl === undefined)
      return method === 'GET' ? this.coalesced(operation, key, send) : send();
    const cache = this.cache;
    const found = await cache.lookup(key, ttl);
    // What the cache holds was proven before it was saved: asking again types it, and costs a
    // lookup for an answer this process proved (satisfiesContract remembers them).
    const cached =
      found.answer && satisfiesContract(operation, found.answer.value)
        ? found.answer.value
        : undefined;
    if (found.fresh && cached !== undefined) {
      this.metrics.cache.inc({ operation, result: 'hit' });
      return cached;
    }
    this.metrics.cache.inc({ operation, result: 'miss' });
    try {
      return await this.coalesced(operation, key, async () => {
        const value = await send();
        void cache.save(key, value, ttl);
        return value;
      });
    } catch (error) {
      // Serve stale only when core-api is failing, never over a real answer such as a 404.
      if (cached !== undefined && error instanceof ProblemException && error.getStatus() >= 500) {
        this.metrics.cache.inc({ operation, result: 'stale' });
        return cached;
      }
      throw error;
    }
  }

  /** Joins an identical call in flight (its answer proven again for this operation), else starts `send`. */
  private async coalesced<O extends Operation>(
    operation: O,
    key: string,
    send: () => Promise<AnswerOf<O>>,
  ): Promise<AnswerOf<O>> {
    const running = this.inFlight.joining(key);
    if (!running) return this.inFlight.start(key, send);
    this.metrics.coalesced.inc({ operation });
    const value = await running;
    if (!satisfiesContract(operation, value)) throw new DownstreamBadResponseProblem(operation);
    return value;
  }

  private async send<O extends Operation>(
    operation: O,
    request: CoreRequest,
    onBehalfOf: OnBehalfOf,
  ): Promise<AnswerOf<O>> {
    const idempotent =
      request.method === 'GET' || request.headers?.['idempotency-key'] !== undefined;
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
          // Still running under this Idempotency-Key: ask again after 500 ms, then 1 s, ….
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
    return data;
  }

  async close(): Promise<void> {
    await this.cache?.close();
  }
}

/** The query's parameters that have a value, as text; undefined when none has. */
function definedQuery(query: CoreRequest['query']): Record<string, string> | undefined {
  if (!query) return undefined;
  const defined: Record<string, string> = {};
  let any = false;
  for (const [name, value] of Object.entries<QueryValue>(query)) {
    if (value === undefined) continue;
    defined[name] = String(value);
    any = true;
  }
  return any ? defined : undefined;
}
