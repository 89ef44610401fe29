// Test-only entry point (`@bff/core-client/testing`): builders of core-api answers for BFF unit
// tests, a fault-injecting core-api stub, one fake core-api (catalog, demo customers, carts and
// orders) held to openapi/core-api.json, and its Jest hook (`useFakeCoreApi`). The BFF harness
// on top of it is `@bff/bff-kit/testing`. Never import it from production code.
export * from './testing/core-api-fixtures';
export { aProductParts, type ProductPartsOf } from './testing/product-parts-fixtures';
export * from './testing/stub-server';
export { type TestClient, testClient } from './testing/test-client';
export { resetAround, useFakeCoreApi } from './testing/hooks';
export { concretePath } from './testing/openapi-answers';
export { type BaseUrl, fetchJson, type JsonRequestInit } from './testing/json-fetch';
export { FakeCoreApi, type RecordedCall } from './testing/fake-core-api';
export { type FailOptions, type HttpMethod } from './testing/fake-faults';
export {
  ADA,
  ADA_SIGNED_IN,
  DEMO_CUSTOMERS,
  type DemoCustomer,
  FakeShop,
  GRACE,
} from './testing/fake-shop';
export {
  FAKE_CATEGORY,
  FAKE_PRODUCT_COUNT,
  fakeInventory,
  fakeProduct,
  fakeRatingSummary,
  fakeSummary,
  pageCursor,
} from './testing/fake-catalog';
// Pact consumer tests: core-client's interactions with core-api, as each BFF records them.
export * as corePact from './testing/pact';
