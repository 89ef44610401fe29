/** Connection-level error codes: core-api was never reached (as opposed to answering badly). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'EPROTO',
]);

/** Certificate problems Node reports without an `ERR_TLS_`/`ERR_SSL_` prefix. */
const CERTIFICATE_CODES = /^(CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_|HOSTNAME_MISMATCH)/;

/**
 * Why core-api could not be reached, read from the error of a failed call or probe and the
 * `cause` chain behind it (undici puts the socket's error there; fetch wraps it in "fetch failed"):
 * `ECONNREFUSED`, `ENOTFOUND`, `connect timeout`, `TLS CERT_HAS_EXPIRED`… Undefined when the error
 * is not about reaching core-api at all (an answer, an abort, a body too large).
 */
export function connectionFailureOf(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current);) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (UNREACHABLE_CODES.has(code)) return code;
      if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'connect timeout';
      if (
        code.startsWith('ERR_TLS_') ||
        code.startsWith('ERR_SSL_') ||
        CERTIFICATE_CODES.test(code)
      )
        return `TLS ${code}`;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
