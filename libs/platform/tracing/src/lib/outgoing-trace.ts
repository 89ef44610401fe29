import { context, propagation, trace } from '@opentelemetry/api';

const NONE: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Who puts the trace context on outgoing HTTP calls:
 * - `off`: nobody (tracing is off);
 * - `caller`: the caller, always — nothing is recorded, so `startTracing` leaves the undici
 *   instrumentation out (it cost about a seventh of a BFF's CPU per request for spans nobody
 *   keeps, docs/performance.md);
 * - `unsampled`: spans are recorded. The undici instrumentation adds the context (with a client
 *   span) to calls made inside a recorded span; a call inside a span that was not sampled is left
 *   to the caller, since the instrumentation skips it (`isInsideRecordedSpan`): a client span
 *   under an unsampled parent is never recorded, and building it for 9 pages in 10 was the largest
 *   part of a page's telemetry cost.
 */
export type OutgoingPropagation = 'off' | 'caller' | 'unsampled';

let propagatedBy: OutgoingPropagation = 'off';

export function setOutgoingPropagation(mode: OutgoingPropagation): void {
  propagatedBy = mode;
}

/** Whether the active span is recorded (sampled and exported). */
export function isInsideRecordedSpan(): boolean {
  return trace.getActiveSpan()?.isRecording() === true;
}

/**
 * The W3C trace headers (`traceparent`, and `tracestate` when there is one) an outgoing call
 * should carry, so the service it calls logs the same trace id. Empty when tracing is off, or
 * when the undici instrumentation adds them (adding them twice would corrupt the header).
 */
export function outgoingTraceHeaders(): Readonly<Record<string, string>> {
  if (propagatedBy === 'off') return NONE;
  const active = context.active();
  if (propagatedBy === 'unsampled' && trace.getSpan(active)?.isRecording() === true) return NONE;
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier;
}
