// @bff/web-sdk: the typed client of web-bff, for the storefront (browser, same origin).
export { createWebBffClient, CSRF_HEADER } from './client.js';
export type { WebBffClient, WebBffClientOptions, WebBffPaths } from './client.js';
export { isProblem, WebBffProblemError, problemOf } from './problem.js';
export type { Problem } from './problem.js';
export type { components, operations, paths } from './generated/web-bff.js';
