export * from './lib/decorators';
export * from './lib/id-list';
export * from './lib/empty-query.dto';
export * from './lib/idempotency-key';
export * from './lib/fields';
