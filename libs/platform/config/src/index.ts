export * from './lib/load-env';
export * from './lib/env-vars';
