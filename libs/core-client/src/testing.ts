// Test-only entry point (`@bff/core-client/testing`): builders of core-api answers for BFF unit
// tests. Never import it from production code.
export * from './testing/core-api-fixtures';
