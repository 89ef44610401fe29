// Test-only entry point (`@bff/core-client/testing`): builders of core-api answers for BFF unit
// tests and a fault-injecting core-api stub. Never import it from production code.
export * from './testing/core-api-fixtures';
export * from './testing/stub-server';
