import { diag, DiagConsoleLogger, DiagLogLevel, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { BoundaryPropagator, InboundTraceLinker, trustsInbound } from './inbound-trace';
import { isInsideRecordedSpan, setOutgoingPropagation } from './outgoing-trace';
import { setServerTracer, UNTRACED_PATHS } from './server-spans';

export interface TracingOptions {
  serviceName: string;
  serviceVersion: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Take a caller's `traceparent` as the parent of the request's span (default false: start a new
   * trace linked to the caller's). Only for services whose every caller is trusted, such as
   * core-api behind the BFFs. `TRACE_TRUST_INBOUND=true|false` overrides it.
   */
  trustInbound?: boolean;
}

export interface Tracing {
  /** Where spans go: `none`, `otlp <url>`, `console`, or both. */
  exporters: string[];
  shutdown(): Promise<void>;
}

/**
 * The client and database instrumentations, which only make spans: required (not imported) when
 * spans are recorded, so a service that exports nothing does not load them at start-up. They hook
 * undici through its diagnostics channels and `pg` as it is required (it stays outside the
 * bundle, tools/webpack/externals.js); a hook on a bundled package would never fire, which is why
 * there is no Nest instrumentation.
 */
function recordingInstrumentations() {
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  return [
    // Looks at another service's health (a BFF's readiness and start-up probe) are not traced
    // either, as that service does not trace them when they arrive. Calls outside a recorded span
    // (9 pages in 10 at 10 % sampling) make no span: the caller sends their `traceparent`
    // (outgoingTraceHeaders), and the instrumentation's work per call is skipped.
    new UndiciInstrumentation({
      ignoreRequestHook: (request) => !isInsideRecordedSpan() || UNTRACED_PATHS.test(request.path),
    }),
    new PgInstrumentation({ enhancedDatabaseReporting: false }),
  ];
}

/**
 * Starts OpenTelemetry for a service. Call it before anything else is loaded (each app's
 * `instrument.ts`, imported first by `main.ts`), so the undici and pg instrumentations can hook
 * their modules. Each request's SERVER span is started by `traceRequests`, which `createApp` puts
 * around the HTTP server's listener. W3C `traceparent` is sent on outgoing calls, so the BFF,
 * core-api and the database share one trace; an incoming `traceparent` is its parent only when
 * the service trusts its callers (`trustInbound`), else the trace is new and linked to the
 * caller's. `baggage` is never propagated.
 *
 * Exporters (standard variables): none by default — trace ids still reach the logs and travel to
 * other services in `traceparent`, but spans are not recorded (an always-off sampler, unless
 * `OTEL_TRACES_SAMPLER` says otherwise: recording spans nobody exports cost a sixth of a BFF's
 * throughput in the benchmark) and no instrumentation is loaded; callers put `traceparent` on
 * outgoing calls with `outgoingTraceHeaders()`. OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `…_TRACES_ENDPOINT`) is set; the console when `OTEL_TRACES_EXPORTER` includes `console`.
 * `OTEL_SDK_DISABLED=true` turns tracing off entirely.
 */
export function startTracing({
  serviceName,
  serviceVersion,
  env = process.env,
  trustInbound = false,
}: TracingOptions): Tracing | undefined {
  if (env['OTEL_SDK_DISABLED'] === 'true') return undefined;
  if (env['OTEL_LOG_LEVEL'] === 'debug')
    diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.DEBUG);

  const processors: SpanProcessor[] = [];
  const exporters: string[] = [];
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (endpoint) {
    const delay = Number(env['OTEL_BSP_SCHEDULE_DELAY'] ?? 1000);
    // Required here, not imported: a service that exports nothing never loads the exporter.
    const { OTLPTraceExporter } =
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    processors.push(
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter(),
        scheduledDelayMillis: Number.isFinite(delay) ? delay : 1000,
      }),
    );
    exporters.push(`otlp ${endpoint}`);
  }
  if ((env['OTEL_TRACES_EXPORTER'] ?? '').split(',').includes('console')) {
    processors.push(new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() }));
    exporters.push('console');
  }

  // Nothing to export: record nothing, but keep ids and propagation. `traceRequests` still reads
  // `traceparent` and gives each request its (non-recording) span, so logs carry the trace id;
  // client and database spans would only be thrown away, so their instrumentations stay out, and
  // outgoing calls get `traceparent` from outgoingTraceHeaders().
  const recording = processors.length > 0 || !!env['OTEL_TRACES_SAMPLER'];
  if (recording) processors.unshift(new InboundTraceLinker());
  const sdk = new NodeSDK({
    ...(recording ? {} : { sampler: new AlwaysOffSampler() }),
    resource: resourceFromAttributes({
      'service.name': serviceName,
      'service.version': serviceVersion,
    }),
    // W3C trace context only (no baggage from the internet), and the caller's trace as the parent
    // only where callers are trusted.
    textMapPropagator: new BoundaryPropagator(trustsInbound(env, trustInbound), recording),
    spanProcessors: processors,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: recording ? recordingInstrumentations() : [],
  });
  sdk.start();
  setServerTracer(trace.getTracer('@bff/platform-tracing', serviceVersion));
  setOutgoingPropagation(recording ? 'unsampled' : 'caller');
  return {
    exporters: exporters.length ? exporters : ['none'],
    shutdown: async () => {
      setOutgoingPropagation('off');
      setServerTracer(undefined);
      await sdk.shutdown();
    },
  };
}
