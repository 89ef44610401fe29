export * from './lib/create-app';
export * from './lib/bootstrap';
export * from './lib/openapi';
export * from './lib/shutdown';
export * from './lib/node-version';
export { allowedMethods } from './lib/method-not-allowed';
export * from './lib/static-compression';
