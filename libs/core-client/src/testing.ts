// Test-only entry point (`@bff/core-client/testing`): builders of core-api answers for BFF unit
// tests, a fault-injecting core-api stub, one fake core-api (catalog, demo customers, carts and
// orders) for the BFFs' HTTP tests, and the Jest hooks that start it and a BFF in front of it
// (`useFakeCoreApi`, `useBff`). Never import it from production code.
export * from './testing/core-api-fixtures';
export { aProductParts, type ProductPartsOf } from './testing/product-parts-fixtures';
export * from './testing/stub-server';
export { type TestClient, testClient } from './testing/test-client';
export * from './testing/bff-test-app';
export { type BffUnderTest, defineBff, type DefinedBff } from './testing/bff-starter';
export {
  type BffHook,
  type StartBff,
  useBff,
  type UseBffOptions,
  useFakeCoreApi,
} from './testing/hooks';
export { type BaseUrl, fetchJson, type JsonRequestInit } from './testing/json-fetch';
export {
  expectBadGateway,
  IN_FLIGHT,
  IN_FLIGHT_ENV,
  itEndsAStuckCheckout,
  MALFORMED_PERSONAL_ANSWERS,
  MALFORMED_SIGN_INS,
} from './testing/core-answer-cases';
export { expectPicture, PICTURE_PROBLEMS } from './testing/picture-cases';
export { configErrorOf, expectCapped, type LoadEnv } from './testing/config-cases';
export { FakeCoreApi, type RecordedCall } from './testing/fake-core-api';
export { type FailOptions, type HttpMethod } from './testing/fake-faults';
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
  itLimitsRotatingAddresses,
  type SignInLimitCase,
  type SignInLimitedBff,
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
