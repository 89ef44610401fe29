import { trace } from '@opentelemetry/api';

/** The trace id of the active span, if any (OpenTelemetry's API is a no-op without an SDK). */
export function activeTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && context.traceId !== '00000000000000000000000000000000'
    ? context.traceId
    : undefined;
}
