import { context, propagation } from '@opentelemetry/api';

const NONE: Readonly<Record<string, string>> = Object.freeze({});
let byCaller = false;

/**
 * Who puts the trace context on outgoing HTTP calls. While spans are recorded, the undici
 * instrumentation does (with a client span per call). When nothing is exported, `startTracing`
 * leaves that instrumentation out — it cost about a seventh of a BFF's CPU per request for spans
 * nobody keeps (docs/performance.md) — and callers add the headers themselves.
 */
export function setOutgoingPropagationByCaller(on: boolean): void {
  byCaller = on;
}

/**
 * The W3C trace headers (`traceparent`, and `tracestate` when there is one) an outgoing call
 * should carry, so the service it calls logs the same trace id. Empty when tracing is off or
 * the undici instrumentation adds them (adding them twice would corrupt the header).
 */
export function outgoingTraceHeaders(): Readonly<Record<string, string>> {
  if (!byCaller) return NONE;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}
