export * from './lib/create-app';
export * from './lib/bootstrap';
export * from './lib/openapi';
export * from './lib/shutdown';
export { allowedMethods } from './lib/method-not-allowed';
