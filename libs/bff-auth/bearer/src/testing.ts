// Test-only entry point (`@bff/bff-bearer/testing`): a stand-in identity provider for a bearer
// BFF's HTTP specs (discovery + JWKS on 127.0.0.1, tokens signed with jose) and the demo
// customers as the provider knows them. Never import it from production code.
export {
  ADA_ACCOUNT,
  GRACE_ACCOUNT,
  type ProviderAccount,
  TestIssuer,
  useTestIssuer,
} from './testing/test-issuer';
