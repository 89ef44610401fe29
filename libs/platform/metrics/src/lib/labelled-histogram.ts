import type { Registry } from 'prom-client';

export interface LabelledHistogramOptions<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  /** Upper bounds, in ascending order (`+Inf` is added). */
  buckets: readonly number[];
  registers: readonly Registry[];
}

/** One label set's counts: per bucket (not cumulative; the last one is `+Inf`), sum and count. */
interface Series {
  readonly labels: Readonly<Record<string, string>>;
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/** One label's values: the next label's level, or (for the last label) the series. */
type Level = Map<string, Level | Series>;

/** A value of a metric as prom-client's registry formats it. */
interface ExportedValue {
  value: number;
  metricName: string;
  labels: Record<string, string | number>;
  sharedLabels: Readonly<Record<string, string>>;
}

interface Exported<V> {
  name: string;
  help: string;
  type: string;
  aggregator: string;
  values: V[];
}

/**
 * A Prometheus histogram for the per-request paths, exposed by prom-client's registry exactly as a
 * prom-client `Histogram` with the same name, labels and buckets (same text, same `/metrics`).
 * prom-client's `observe` builds a closure, two objects and the label set's key, then turns the
 * bucket's bound into a property name, on every call: six observations a page cost a BFF about 2 %
 * of its CPU (docs/performance.md). Here a label set's counts are found by one map lookup per label,
 * on the values as given (no key is built, so no two label sets can share one), and recording is
 * a bucket search and three additions.
 */
export class LabelledHistogram<L extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly labelNames: readonly L[];
  private readonly bounds: Float64Array;
  /** Label sets by their values, one level per label name in order; the last level holds series. */
  private readonly tree: Level = new Map();
  private readonly all: Series[] = [];

  constructor(options: LabelledHistogramOptions<L>) {
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames;
    this.bounds = Float64Array.from(options.buckets);
    for (const registry of options.registers)
      registry.registerMetric(this as unknown as Parameters<Registry['registerMetric']>[0]);
  }

  observe(labels: Readonly<Record<L, string>>, value: number): void {
    this.record(this.find(labels), value);
  }

  private find(labels: Readonly<Record<L, string>>): Series {
    const names = this.labelNames;
    const last = names.length - 1;
    let level = this.tree;
    for (let i = 0; i < last; i++) {
      const value = labels[names[i] as L];
      let next = level.get(value) as Level | undefined;
      if (!next) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const value = last < 0 ? '' : labels[names[last] as L];
    let series = level.get(value) as Series | undefined;
    if (!series) {
      const own: Record<string, string> = {};
      for (const name of names) own[name] = labels[name];
      series = { labels: own, counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 };
      level.set(value, series);
      this.all.push(series);
    }
    return series;
  }

  private record(series: Series, value: number): void {
    if (!Number.isFinite(value)) return;
    const { bounds } = this;
    let i = 0;
    while (i < bounds.length && value > (bounds[i] as number)) i++;
    (series.counts[i] as number) += 1;
    series.sum += value;
    series.count += 1;
  }

  /** What prom-client's registry writes into `/metrics`: each label set as shared labels. */
  getForPromString(): Promise<Exported<ExportedValue>> {
    const values: ExportedValue[] = [];
    const bucket = `${this.name}_bucket`;
    for (const { labels, counts, sum, count } of this.all) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += counts[i] as number;
        values.push({
          value: cumulative,
          metricName: bucket,
          labels: { le },
          sharedLabels: labels,
        });
      });
      values.push(
        { value: count, metricName: bucket, labels: { le: '+Inf' }, sharedLabels: labels },
        { value: sum, metricName: `${this.name}_sum`, labels: {}, sharedLabels: labels },
        { value: count, metricName: `${this.name}_count`, labels: {}, sharedLabels: labels },
      );
    }
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values,
    });
  }

  /** What prom-client's registry reads for `getMetricsAsJSON`: the labels of each value in one object. */
  async get(): Promise<Exported<Omit<ExportedValue, 'sharedLabels'>>> {
    const exported = await this.getForPromString();
    return {
      ...exported,
      values: exported.values.map(({ sharedLabels, labels, ...value }) => ({
        ...value,
        labels: { ...labels, ...sharedLabels },
      })),
    };
  }

  reset(): void {
    this.tree.clear();
    this.all.length = 0;
  }
}
