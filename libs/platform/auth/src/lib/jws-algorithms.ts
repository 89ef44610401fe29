/**
 * The asymmetric JWS algorithms (RFC 7518, RFC 8037) a token from an identity provider may be
 * signed with. Never `none` (anybody could sign) and never an HMAC (HS*): with HMAC a verifier
 * would take the provider's PUBLIC key as the shared secret (key confusion). The development
 * provider signs with one of these; mobile-bff accepts only these.
 */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];
