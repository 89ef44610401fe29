export * from './lib/security-headers';
export * from './lib/rate-limit.env';
export * from './lib/rate-limit.guard';
export * from './lib/rate-limit.openapi';
export * from './lib/rate-limit.module';
export * from './lib/state-throttler.storage';
export * from './lib/client-network';
