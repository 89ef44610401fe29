// Test-only entry point (`@bff/core-client/testing`): builders of core-api answers for BFF unit
// tests, a fault-injecting core-api stub, and one fake core-api (catalog, demo customers, carts
// and orders) for the BFFs' HTTP tests. Never import it from production code.
export * from './testing/core-api-fixtures';
export * from './testing/stub-server';
export { type TestClient, testClient } from './testing/test-client';
export * from './testing/bff-test-app';
export { FakeCoreApi, type CoreApiOverride, type RecordedCall } from './testing/fake-core-api';
export { ADA, DEMO_CUSTOMERS, type DemoCustomer, FakeShop, GRACE } from './testing/fake-shop';
export {
  FAKE_CATEGORY,
  FAKE_PRODUCT_COUNT,
  fakeInventory,
  fakeProduct,
  fakeRatingSummary,
  fakeSummary,
  pageCursor,
} from './testing/fake-catalog';
export {
  expectRotatingAddressesLimited,
  rotatingForwardedFor,
  type SignInLimitCase,
  type StartBff,
  useSignInLimitedBff,
} from './testing/sign-in-limits';
export {
  concretePath,
  type DocumentedOperation,
  documentedOperations,
  pathSpellings,
  type RawAnswer,
  sendRaw,
} from './testing/path-spellings';
