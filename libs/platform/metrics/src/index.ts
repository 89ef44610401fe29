export * from './lib/metrics.module';
export * from './lib/http-metrics';
export * from './lib/labelled-histogram';
