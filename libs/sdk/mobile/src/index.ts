// @bff/mobile-sdk: the typed client of mobile-bff, for the native apps.
export { createMobileBffClient, REVALIDATED_HEADER } from './client.js';
export type { MobileBffClient, MobileBffClientOptions } from './client.js';
export { isAppUpdateRequired, isProblem, MobileBffProblemError, problemOf } from './problem.js';
export type { AppUpdateRequired, Problem } from './problem.js';
export type { components, operations, paths } from './generated/mobile-bff.js';
