export * from './lib/core-client.module';
export * from './lib/core-client.env';
export * from './lib/core-api.client';
export * from './lib/errors/downstream-errors';
export * from './lib/transport/undici-adapter';
