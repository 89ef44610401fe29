export * from './lib/create-app';
export { FormBody } from './lib/form-body';
export { FORM_CONTENT_TYPE, FormBodyRequiredProblem } from './lib/form-route';
export * from './lib/bootstrap';
export * from './lib/openapi';
export * from './lib/shutdown';
export * from './lib/node-version';
export { allowedMethods } from './lib/method-not-allowed';
export * from './lib/static-compression';
