import { context, trace, TraceFlags } from '@opentelemetry/api';
import { setTimeout as sleep } from 'node:timers/promises';
import { outgoingTraceHeaders } from './outgoing-trace';
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

  it('is left to the undici instrumentation while spans are exported (never sent twice)', async () => {
    tracing = startTracing({
      serviceName: 'test',
      serviceVersion: '0.0.0',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' },
    });
    expect(tracing?.exporters).toEqual(['otlp http://127.0.0.1:9']);
    expect(inRequest(outgoingTraceHeaders)).toEqual({});
  });
});
