export * from './lib/health.module';
export * from './lib/lifecycle.service';
export * from './lib/operations-route';
