import { LabelledHistogram } from '@bff/platform-metrics';
import { Counter, Gauge, Registry } from 'prom-client';

/**
 * Prometheus metrics of core-api calls, per operation (and per downstream group for breakers),
 * registered on the registry the client is given, so a service's `/metrics` endpoint can serve
 * it next to its own. Circuit state: 0 closed, 1 open, 2 half-open, 3 isolated.
 */
export class CoreClientMetrics {
  /** Observed on every call: our histogram, exposed as prom-client's would be, at a fraction of its cost. */
  readonly duration: LabelledHistogram<'operation' | 'outcome'>;
  readonly calls: Counter<'operation' | 'outcome'>;
  readonly retries: Counter<'operation'>;
  readonly circuitState: Gauge<'downstream'>;
  readonly cache: Counter<'operation' | 'result'>;
  readonly coalesced: Counter<'operation'>;

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    this.duration = new LabelledHistogram({
      name: 'core_client_request_duration_seconds',
      help: 'Duration of core-api calls as the BFF sees them (retries included), by operation and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.calls = new Counter({
      name: 'core_client_requests_total',
      help: 'core-api calls by operation and outcome (ok, or the problem code answered).',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.retries = new Counter({
      name: 'core_client_retries_total',
      help: 'Retried core-api attempts.',
      labelNames: ['operation'],
      registers,
    });
    this.circuitState = new Gauge({
      name: 'core_client_circuit_state',
      help: 'Circuit breaker state per downstream group: 0 closed, 1 open, 2 half-open, 3 isolated.',
      labelNames: ['downstream'],
      registers,
    });
    this.cache = new Counter({
      name: 'core_client_cache_total',
      help: 'Response cache lookups by operation and result (hit, miss, stale).',
      labelNames: ['operation', 'result'],
      registers,
    });
    this.coalesced = new Counter({
      name: 'core_client_coalesced_total',
      help: 'Calls answered by joining an identical call already in flight.',
      labelNames: ['operation'],
      registers,
    });
  }
}
