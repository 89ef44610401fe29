import { SpanKind, trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { tracePglite } from './traced-pglite';

describe('tracePglite', () => {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter });
  const sdk = new NodeSDK({
    spanProcessors: [processor],
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  /** Spans are exported asynchronously; wait for them. */
  const finished = async () => {
    await processor.forceFlush();
    return exporter.getFinishedSpans();
  };

  beforeAll(() => sdk.start());
  afterAll(() => sdk.shutdown());
  beforeEach(() => exporter.reset());

  it('records a client span per query, inside the caller’s trace', async () => {
    const client = tracePglite({
      query: async (_sql: string) => ({ rows: [1] }),
      exec: async () => [],
    });
    await trace
      .getTracer('test')
      .startActiveSpan('request', { kind: SpanKind.SERVER }, async (parent) => {
        await client.query('select 1 as one');
        parent.end();
      });
    const [query, request] = await finished();
    expect(query?.name).toBe('pglite.query');
    expect(query?.attributes['db.query.text']).toBe('select 1 as one');
    expect(query?.spanContext().traceId).toBe(request?.spanContext().traceId);
    expect(query?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
  });

  it('marks a failed query as an error and rethrows', async () => {
    const client = tracePglite({
      query: async (_sql: string) => Promise.reject(new Error('syntax error')),
      exec: async () => [],
    });
    await expect(client.query('selec 1')).rejects.toThrow('syntax error');
    expect((await finished())[0]?.status).toMatchObject({ code: 2, message: 'syntax error' });
  });
});
