import { context, trace, TraceFlags } from '@opentelemetry/api';
import { startTracing, Tracing } from '@bff/platform-tracing';
import { json } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';
import { until } from '../../testing/until';

const traceIdOf = (i: number) => `${'0'.repeat(31)}${i.toString(16)}`;
/** Runs `fn` as part of request `i`, whose trace id is `traceIdOf(i)`. */
const inRequest = <T>(i: number, fn: () => T): T =>
  context.with(
    trace.setSpanContext(context.active(), {
      traceId: traceIdOf(i),
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.NONE,
    }),
    fn,
  );

describe('a call that waited in the bulkhead (over real HTTP)', () => {
  let tracing: Tracing | undefined;
  beforeAll(() => {
    // Nothing exported: core-client puts each call's traceparent on it itself.
    tracing = startTracing({ serviceName: 'test', serviceVersion: '0.0.0', env: {} });
  });
  afterAll(() => tracing?.shutdown());

  const { stub, core } = useStubCoreApi({
    resilience: {
      bulkheadLimit: 1,
      bulkheadQueue: 8,
      retries: 0,
      attemptTimeoutMs: 30_000,
      deadlineMs: 30_000,
    },
  });

  it("still runs as part of its own request: core-api gets that request's trace", async () => {
    const held: Array<() => void> = [];
    const seen: Array<{ path: string; traceparent: string }> = [];
    stub.handler = (req, res) => {
      seen.push({ path: req.url ?? '', traceparent: String(req.headers['traceparent']) });
      held.push(() => json(res, 200, { items: [], nextCursor: null }));
    };
    // One slot: request 1's call runs, requests 2–5 wait in the queue and are started, one by
    // one, as the call before them finishes.
    const calls = [1, 2, 3, 4, 5].map((i) => inRequest(i, () => core.client.getReviews(i)));
    for (let answered = 0; answered < 5; answered++) {
      await until(() => held.length === 1);
      held.shift()?.();
    }
    await Promise.all(calls);
    expect(
      seen.map(({ path, traceparent }) => [path.split('?')[0], traceparent.split('-')[1]]),
    ).toEqual([1, 2, 3, 4, 5].map((i) => [`/products/${i}/reviews`, traceIdOf(i)]));
  });
});
