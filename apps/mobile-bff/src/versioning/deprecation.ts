/** The headers every v1 answer carries while v1 is deprecated. */
export interface DeprecationPolicy {
  /** Epoch ms when v1 was deprecated. */
  deprecatedAt: number;
  /** Epoch ms after which v1 may stop answering. */
  sunsetAt: number;
}

/**
 * `Deprecation: @<epoch seconds>` (RFC 9745 structured-field date), `Sunset: <HTTP-date>`
 * (RFC 8594) and `Link: </v2/…>; rel="successor-version"` (RFC 5829) for a v1 URL; none for
 * any other URL.
 */
export function deprecationHeaders(
  url: string,
  policy: DeprecationPolicy,
): Record<string, string> | undefined {
  if (!url.startsWith('/v1/')) return undefined;
  return {
    deprecation: `@${Math.floor(policy.deprecatedAt / 1000)}`,
    sunset: new Date(policy.sunsetAt).toUTCString(),
    link: `<${encodeURI(decodeURISafe(`/v2/${url.slice('/v1/'.length)}`))}>; rel="successor-version"`,
  };
}

function decodeURISafe(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}
