/** fetch() options, plus `json`: a value sent as the JSON body (with its content type). */
export type JsonRequestInit = RequestInit & { json?: unknown };

/** Where a test client sends its requests: a URL, or a getter of one known once the app runs. */
export type BaseUrl = string | (() => string);

/**
 * What the BFFs' test clients (web-bff's `Browser`, mobile-bff's `Phone`) send: `base + path`
 * with `init.json` as a JSON body, and the client's `own` headers (CSRF, cookie, token) under
 * the ones the test gives.
 */
export function fetchJson(
  base: BaseUrl,
  path: string,
  init: JsonRequestInit = {},
  own: Record<string, string> = {},
): Promise<Response> {
  const { json: payload, headers, ...rest } = init;
  return fetch(`${typeof base === 'string' ? base : base()}${path}`, {
    ...rest,
    body: payload === undefined ? rest.body : JSON.stringify(payload),
    headers: {
      ...own,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...(headers as Record<string, string> | undefined),
    },
  });
}
