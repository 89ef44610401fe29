// Test-only entry point (`@bff/bff-kit/testing`): the harness of the BFFs' HTTP specs. A BFF
// defines itself once (`defineBff`) and its specs call `useWebBff()`-style hooks (`useBff`) that
// start it in front of `@bff/core-client/testing`'s fake core-api; cases both BFFs run (answers
// core-api should not give, pictures, sign-in limits, capped settings, other spellings of every
// documented path) live here once. Never import it from production code.
export * from './testing/bff-test-app';
export { type BffUnderTest, defineBff, type DefinedBff } from './testing/bff-starter';
export { type BffHook, type StartBff, useBff, type UseBffOptions } from './testing/bff-hooks';
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
export {
  type DocumentedOperation,
  documentedOperations,
  pathSpellings,
  type RawAnswer,
  sendRaw,
} from './testing/path-spellings';
