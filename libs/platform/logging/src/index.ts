export * from './lib/logging.module';
export * from './lib/request-id';
export * from './lib/trace-id';
export * from './lib/request-log';
