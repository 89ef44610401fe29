import { hash } from 'node:crypto';

/** `Cache-Control` of a revalidated answer whose handler set none: keep it, ask before using it. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/**
 * A weak validator of the uncompressed body: the same JSON gives the same tag whether it is sent
 * as identity, gzip or br (a strong tag would have to differ per content coding, RFC 9110 §8.8.3).
 * One-shot `hash()`: the same SHA-256 as `createHash()`, without a Hash object per answer.
 */
export function etagOf(body: string | Buffer): string {
  return `W/"${hash('sha256', body, 'base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: weak comparison against each tag of `If-None-Match`, or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
