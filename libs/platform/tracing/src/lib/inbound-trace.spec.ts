import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanKind,
  trace,
} from '@opentelemetry/api';
import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import { BoundaryPropagator, InboundTraceLinker, trustsInbound } from './inbound-trace';

const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerSpan = '00f067aa0ba902b7';
const headers = {
  traceparent: `00-${callerTrace}-${callerSpan}-01`,
  baggage: 'userId=alice,isAdmin=true',
};

/** What a server does with a request's headers: extract, start its span, make an outgoing call. */
function serve(propagator: BoundaryPropagator, exporter: InMemorySpanExporter) {
  const provider = new TracerProvider({
    spanProcessors: [new InboundTraceLinker(), new SimpleSpanProcessor({ exporter })],
  });
  const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
  const span = provider.getTracer('test').startSpan('GET /page', { kind: SpanKind.SERVER }, parent);
  const outgoing: Record<string, string> = {};
  propagator.inject(trace.setSpan(parent, span), outgoing, defaultTextMapSetter);
  span.end();
  return { span: exporter.getFinishedSpans()[0], outgoing };
}

describe('trace context at the service boundary', () => {
  const exporter = new InMemorySpanExporter();
  beforeEach(() => exporter.reset());

  it('starts a new trace linked to an untrusted caller’s instead of adopting its traceparent', () => {
    const { span, outgoing } = serve(new BoundaryPropagator(false), exporter);
    expect(span?.spanContext().traceId).not.toBe(callerTrace);
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([
      [callerTrace, callerSpan],
    ]);
    expect(outgoing['traceparent']).toContain(span?.spanContext().traceId);
  });

  it('replaces an untrusted caller’s trace id by a fresh one when nothing is recorded', () => {
    const parent = new BoundaryPropagator(false, false).extract(
      ROOT_CONTEXT,
      headers,
      defaultTextMapGetter,
    );
    const ours = trace.getSpanContext(parent);
    expect(ours?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(ours?.traceId).not.toBe(callerTrace);
    expect(ours?.traceFlags).toBe(0);
    const outgoing: Record<string, string> = {};
    new BoundaryPropagator(false, false).inject(parent, outgoing, defaultTextMapSetter);
    expect(outgoing).toEqual({ traceparent: `00-${ours?.traceId}-${ours?.spanId}-00` });
  });

  it('continues a trusted caller’s trace', () => {
    const { span, outgoing } = serve(new BoundaryPropagator(true), exporter);
    expect(span?.spanContext().traceId).toBe(callerTrace);
    expect(span?.parentSpanContext?.spanId).toBe(callerSpan);
    expect(span?.links).toEqual([]);
    expect(outgoing['traceparent']).toContain(callerTrace);
  });

  it.each([true, false])('never passes a caller’s baggage on (trusted: %s)', (trusted) => {
    const { outgoing } = serve(new BoundaryPropagator(trusted), exporter);
    expect(Object.keys(outgoing)).toEqual(['traceparent']);
  });

  it('reads TRACE_TRUST_INBOUND, else the service’s default', () => {
    expect(trustsInbound({}, false)).toBe(false);
    expect(trustsInbound({}, true)).toBe(true);
    expect(trustsInbound({ TRACE_TRUST_INBOUND: 'true' }, false)).toBe(true);
    expect(trustsInbound({ TRACE_TRUST_INBOUND: 'false' }, true)).toBe(false);
  });
});
