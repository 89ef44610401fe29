import { Histogram, Registry } from 'prom-client';
import { LabelledHistogram } from './labelled-histogram';

const options = {
  name: 'request_duration_seconds',
  help: 'Duration of requests.',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
};
const observations: [{ method: string; route: string }, number][] = [
  [{ method: 'GET', route: '/items/:id' }, 0.003],
  [{ method: 'GET', route: '/items/:id' }, 0.005], // on a bound: counted in it, as `le` says
  [{ method: 'GET', route: '/items/:id' }, 0.0072],
  [{ method: 'POST', route: '/items' }, 0.3],
  [{ method: 'GET', route: '/items/:id' }, 7], // past the last bound: +Inf only
  [{ method: 'POST', route: '/items' }, 0.1],
  [{ route: '/items', method: 'POST' }, 0.04], // the same label set, another key order
];

/** The same observations through prom-client's Histogram and ours, on registries alike. */
function both() {
  const registries = [new Registry(), new Registry()] as const;
  for (const r of registries) r.setDefaultLabels({ service: 'svc' });
  const reference = new Histogram({
    ...options,
    labelNames: [...options.labelNames],
    registers: [registries[0]],
  });
  const ours = new LabelledHistogram({ ...options, registers: [registries[1]] });
  for (const [labels, value] of observations) {
    reference.observe(labels, value);
    ours.observe(labels, value);
  }
  return { registries, reference, ours };
}

describe('LabelledHistogram', () => {
  it('is exposed exactly as prom-client’s Histogram (text and JSON)', async () => {
    const { registries } = both();
    const [theirs, ours] = registries;
    expect(await ours.metrics()).toBe(await theirs.metrics());
    // prom-client adds an empty `exemplar` to each bucket; exemplars are off for both.
    const withoutExemplars = (metrics: Awaited<ReturnType<Registry['getMetricsAsJSON']>>) =>
      metrics.map((m) => ({
        ...m,
        values: m.values.map((value) => {
          const { exemplar: _none, ...rest } = value as typeof value & { exemplar?: unknown };
          return rest;
        }),
      }));
    expect(await ours.getMetricsAsJSON()).toEqual(
      withoutExemplars(await theirs.getMetricsAsJSON()),
    );
    expect(await ours.metrics()).toContain(
      'request_duration_seconds_bucket{le="0.005",service="svc",method="GET",route="/items/:id"} 2',
    );
  });

  it('ignores a value that is not a finite number instead of throwing in a request’s hook', async () => {
    const registry = new Registry();
    const ours = new LabelledHistogram({ ...options, registers: [registry] });
    ours.observe({ method: 'GET', route: '/' }, Number.NaN);
    ours.observe({ method: 'GET', route: '/' }, Number.POSITIVE_INFINITY);
    expect(await registry.metrics()).toContain(
      'request_duration_seconds_count{method="GET",route="/"} 0',
    );
  });

  it('forgets its label sets on reset, as prom-client’s does, and counts again after it', async () => {
    const registry = new Registry();
    const ours = new LabelledHistogram({ ...options, registers: [registry] });
    ours.observe({ method: 'GET', route: '/' }, 0.02);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('route="/"');
    ours.observe({ method: 'GET', route: '/' }, 0.02);
    expect(await registry.metrics()).toContain(
      'request_duration_seconds_count{method="GET",route="/"} 1',
    );
    expect(await registry.metrics()).toContain(
      'request_duration_seconds_sum{method="GET",route="/"} 0.02',
    );
  });

  it('keeps apart label sets whose values, joined, would read the same', async () => {
    const registry = new Registry();
    const ours = new LabelledHistogram({ ...options, registers: [registry] });
    ours.observe({ method: 'GET\u0000', route: '/a' }, 0.02);
    ours.observe({ method: 'GET', route: '\u0000/a' }, 0.3);
    const text = await registry.metrics();
    expect(text).toContain('request_duration_seconds_count{method="GET\u0000",route="/a"} 1');
    expect(text).toContain('request_duration_seconds_count{method="GET",route="\u0000/a"} 1');
  });

  it('counts a histogram without labels as one series', async () => {
    const registry = new Registry();
    const ours = new LabelledHistogram({ ...options, labelNames: [], registers: [registry] });
    ours.observe({}, 0.02);
    ours.observe({}, 3);
    expect(await registry.metrics()).toContain('request_duration_seconds_count 2');
    expect(await registry.metrics()).toContain('request_duration_seconds_bucket{le="2.5"} 1');
  });
});
