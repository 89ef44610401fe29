export * from './lib/metrics.module';
export * from './lib/http-metrics';
