import {
  Context,
  createContextKey,
  SpanContext,
  TextMapGetter,
  TextMapPropagator,
  TextMapSetter,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { RandomIdGenerator, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace';

const INBOUND_TRACE = createContextKey('bff.inbound-trace');

/**
 * The one propagator of every service: W3C `traceparent`/`tracestate` only, so a `baggage`
 * header from the internet is neither read nor sent on to core-api. When the caller is not
 * trusted (`trustInbound` false: a browser or an app), its `traceparent` does not become the
 * parent of the request's span: the request starts a new trace, and `InboundTraceLinker` links
 * that trace to the caller's one, so they stay correlated without the caller choosing our trace
 * id or sampling decision.
 */
export class BoundaryPropagator implements TextMapPropagator {
  private readonly w3c = new W3CTraceContextPropagator();
  private readonly ids = new RandomIdGenerator();

  /**
   * @param recording whether spans are recorded. When they are not, no tracer runs and a request's
   * context is the caller's one passed through; an untrusted caller's is then replaced by a fresh
   * one, so the service's and core-api's logs still share a trace id, one the caller did not pick.
   */
  constructor(
    private readonly trustInbound: boolean,
    private readonly recording = true,
  ) {}

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.w3c.inject(context, carrier, setter);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const extracted = this.w3c.extract(context, carrier, getter);
    if (this.trustInbound) return extracted;
    const inbound = trace.getSpanContext(extracted);
    if (!inbound) return context;
    if (this.recording) return context.setValue(INBOUND_TRACE, inbound);
    return trace.setSpanContext(context, {
      traceId: this.ids.generateTraceId(),
      spanId: this.ids.generateSpanId(),
      traceFlags: TraceFlags.NONE,
      isRemote: true,
    });
  }

  fields(): string[] {
    return this.w3c.fields();
  }
}

/** Adds the untrusted caller's trace (kept aside by `BoundaryPropagator`) as a link of the span it started. */
export class InboundTraceLinker implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const inbound = parentContext.getValue(INBOUND_TRACE) as SpanContext | undefined;
    if (inbound && !trace.getSpanContext(parentContext)) {
      span.addLink({ context: inbound, attributes: { 'bff.link': 'untrusted-caller' } });
    }
  }

  onEnd(): void {
    // Nothing to do when a span ends.
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** Whether a service takes its callers' `traceparent` as the parent: `TRACE_TRUST_INBOUND`, else `fallback`. */
export function trustsInbound(env: NodeJS.ProcessEnv, fallback: boolean): boolean {
  const value = env['TRACE_TRUST_INBOUND']?.trim();
  return value === 'true' ? true : value === 'false' ? false : fallback;
}
