// Test-only entry point (`@bff/platform-auth/testing`): the development OpenID provider as a real
// process (startDevIdentity, the useDevIdentity Jest hook), a user agent that signs in on its
// pages, and a native app's code + PKCE sign-in and refresh. Knows no accounts: callers pass the
// e-mail and password. Never import it from production code.
export {
  type DevIdentity,
  type DevIdentityOptions,
  devIdentityMain,
  freePort,
  type OidcEvent,
  startDevIdentity,
  useDevIdentity,
} from './testing/dev-identity';
export {
  type AgentResponse,
  type Credentials,
  OidcUserAgent,
  SignInRefused,
} from './testing/oidc-user-agent';
export {
  discover,
  nativeAppSignIn,
  type NativeAppSignIn,
  type NativeAppTokens,
  pkcePair,
  type ProviderMetadata,
  refreshAt,
  tokenRequest,
  type TokenEndpointAnswer,
} from './testing/native-app';
