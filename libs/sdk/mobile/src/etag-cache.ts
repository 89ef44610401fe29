import type { Middleware } from 'openapi-fetch';

/** Set on an answer the cache served after a 304: the body is the copy the app already held. */
export const REVALIDATED_HEADER = 'X-SDK-Revalidated';

const BODY_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding']);

interface Entry {
  etag: string;
  body: string;
  headers: [string, string][];
}

/**
 * Every screen answers with an `ETag` and takes `If-None-Match` (304, no body, when the app's
 * copy is current). This middleware keeps the last answer of each GET and revalidates it, so a
 * caller always gets a 200 with a body; a revalidated one carries {@link REVALIDATED_HEADER}.
 * A caller that sets `If-None-Match` itself gets the server's answer untouched.
 */
export function etagCache(maxEntries = 100): Middleware & { clear(): void } {
  const entries = new Map<string, Entry>();
  const asked = new WeakSet<Request>();
  return {
    clear: () => entries.clear(),
    onRequest({ request }) {
      if (request.method !== 'GET' || request.headers.has('if-none-match')) return undefined;
      const cached = entries.get(request.url);
      if (cached) request.headers.set('If-None-Match', cached.etag);
      asked.add(request);
      return request;
    },
    async onResponse({ request, response }) {
      if (!asked.has(request)) return undefined;
      const cached = entries.get(request.url);
      if (response.status === 304 && cached) {
        const headers = new Headers(cached.headers);
        // The 304's fresher metadata (ETag, Cache-Control, Date…), but not what described its
        // empty body: the copy's own length and coding stand.
        response.headers.forEach((value, name) => {
          if (!BODY_HEADERS.has(name)) headers.set(name, value);
        });
        headers.set(REVALIDATED_HEADER, '304');
        return new Response(cached.body, { status: 200, headers });
      }
      const etag = response.headers.get('etag');
      if (response.status !== 200 || !etag) {
        entries.delete(request.url);
        return undefined;
      }
      const body = await response.clone().text();
      entries.delete(request.url); // re-inserted last: the oldest entry is the first to go
      entries.set(request.url, { etag, body, headers: [...response.headers] });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return undefined;
    },
  };
}
