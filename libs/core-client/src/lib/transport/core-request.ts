/** The methods core-api's operations use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A query parameter's value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | undefined;

/** One core-api call, as `CoreApiClient` describes it. */
export interface CoreRequest {
  readonly method: HttpMethod;
  /**
   * Below core-api's base URL, already encoded, without query or fragment:
   * `/products/7`, `/categories/${encodeURIComponent(slug)}/facets`.
   */
  readonly path: `/${string}`;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  readonly body?: object;
  /** Headers of this call (e.g. `idempotency-key`); the transport adds its own and the token. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** core-api's base URL, split once: its origin and its path without a trailing slash. */
export interface Base {
  readonly origin: string;
  readonly path: string;
}

export function baseOf(baseUrl: string): Base {
  const url = new URL(baseUrl);
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

/** What encodeURIComponent leaves as it is and no later step rewrites. */
const UNRESERVED = /^[\w.~-]*$/;

/**
 * A query name or value as core-client has always sent it: encodeURIComponent, then `:`, `$` and
 * `,` left readable and a space as `+` (the form encoding axios used), and `'` escaped as a URL
 * parser would, so the bytes on the wire are exactly what a WHATWG URL of them holds.
 */
function encodeQueryPart(value: string): string {
  // Ids, limits and cursors: nothing to escape, and no regex pass needed.
  if (UNRESERVED.test(value)) return value;
  return encodeURIComponent(value)
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%20/g, '+')
    .replace(/'/g, '%27');
}

/** The query string of `query` (parameters whose value is `undefined` left out), in its order. */
export function queryOf(query: CoreRequest['query']): string {
  let text = '';
  if (!query) return text;
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined) continue;
    text += `${text ? '&' : ''}${encodeQueryPart(name)}=${encodeQueryPart(String(value))}`;
  }
  return text;
}

/** A path of plain segments, which a URL parser would leave exactly as it is: safe characters, no
 * leading `//`, no `.` or `..` segment (checked only when there is a dot at all). */
const PATH_CHARS = /^[\w\-.~/]*$/;
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;
const isPlainPath = (path: string): boolean =>
  PATH_CHARS.test(path) &&
  !path.startsWith('//') &&
  !(path.includes('.') && DOT_SEGMENT.test(path));

/**
 * The path with query a request goes to, below `base`. Plain paths (every path `CoreApiClient`
 * builds from ids) are joined as strings; anything else (escapes, dot segments) goes through a
 * WHATWG URL, so what is sent is what a URL parser makes of it.
 */
export function targetOf(base: Base, request: Pick<CoreRequest, 'path' | 'query'>): string {
  const query = queryOf(request.query);
  const joined = `${base.path}/${request.path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`;
  if (isPlainPath(request.path)) return joined;
  const url = new URL(joined, base.origin);
  return url.pathname + url.search;
}
