import { context, trace, TraceFlags } from '@opentelemetry/api';
import { setTimeout as sleep } from 'node:timers/promises';
import { isInsideRecordedSpan, outgoingTraceHeaders } from './outgoing-trace';
import { startTracing, Tracing } from './start-tracing';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const spanId = '00f067aa0ba902b7';
/** Runs `fn` as if inside a request whose span is (traceId, spanId). */
const inRequest = <T>(fn: () => T): T =>
  context.with(
    trace.setSpanContext(context.active(), { traceId, spanId, traceFlags: TraceFlags.NONE }),
    fn,
  );

describe('outgoing trace context', () => {
  let tracing: Tracing | undefined;
  afterEach(async () => {
    await tracing?.shutdown();
    tracing = undefined;
  });

  it('adds nothing while tracing is off', () => {
    expect(
      startTracing({
        serviceName: 'test',
        serviceVersion: '0.0.0',
        env: { OTEL_SDK_DISABLED: 'true' },
      }),
    ).toBeUndefined();
    expect(inRequest(outgoingTraceHeaders)).toEqual({});
  });

  it('is added by the caller when nothing is exported, across awaits, and only inside a trace', async () => {
    tracing = startTracing({ serviceName: 'test', serviceVersion: '0.0.0', env: {} });
    expect(tracing?.exporters).toEqual(['none']);
    expect(inRequest(outgoingTraceHeaders)).toEqual({ traceparent: `00-${traceId}-${spanId}-00` });
    const later = await inRequest(async () => {
      await sleep(1);
      return outgoingTraceHeaders();
    });
    expect(later).toEqual({ traceparent: `00-${traceId}-${spanId}-00` });
    expect(outgoingTraceHeaders()).toEqual({});
  });

  it('while spans are recorded: left to the undici instrumentation inside a recorded span, added by the caller outside one', async () => {
    tracing = startTracing({
      serviceName: 'test',
      serviceVersion: '0.0.0',
      // Spans recorded (as with an exporter) without one, so nothing is sent at shutdown.
      env: { OTEL_TRACES_SAMPLER: 'always_on' },
    });
    const recorded = trace.getTracer('test').startSpan('page');
    expect(recorded.isRecording()).toBe(true);
    expect(
      context.with(trace.setSpan(context.active(), recorded), () => [
        isInsideRecordedSpan(),
        outgoingTraceHeaders(),
      ]),
    ).toEqual([true, {}]);
    recorded.end();
    // A page that was not sampled: its calls make no span, so the caller sends the context.
    expect(inRequest(() => [isInsideRecordedSpan(), outgoingTraceHeaders()])).toEqual([
      false,
      { traceparent: `00-${traceId}-${spanId}-00` },
    ]);
  });
});
