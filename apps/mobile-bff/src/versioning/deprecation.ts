/** The headers every v1 answer carries while v1 is deprecated. */
export interface DeprecationPolicy {
  /** Epoch ms when v1 was deprecated. */
  deprecatedAt: number;
  /** Epoch ms after which v1 may stop answering. */
  sunsetAt: number;
}

/**
 * `Deprecation: @<epoch seconds>` (RFC 9745 structured-field date), `Sunset: <HTTP-date>`
 * (RFC 8594) and `Link: </v2/…>; rel="successor-version"` (RFC 5829) for an answer of a v1 route;
 * none for any other version. `version` is the matched route's (`routeVersion`); `url` is the
 * request's, whose first segment (the version, however it was spelled) the link replaces.
 */
export function deprecationHeaders(
  version: number | undefined,
  url: string,
  policy: DeprecationPolicy,
): Record<string, string> | undefined {
  if (version !== 1) return undefined;
  const slash = url.indexOf('/', 1);
  const rest = slash === -1 ? '/' : url.slice(slash);
  return {
    deprecation: `@${Math.floor(policy.deprecatedAt / 1000)}`,
    sunset: new Date(policy.sunsetAt).toUTCString(),
    link: `<${encodeURI(decodeURISafe(`/v2${rest}`))}>; rel="successor-version"`,
  };
}

function decodeURISafe(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}
