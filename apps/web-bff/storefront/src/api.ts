// The storefront's only way to the server: same-origin calls to web-bff's /api (pages and cart)
// and /bff (who is signed in, sign-out), carrying the session cookie (HttpOnly: this code never
// sees it, nor any token: web-bff keeps the identity provider's tokens) and the anti-CSRF header.

export interface Problem {
  status: number;
  code?: string;
  detail?: string;
  errors?: Array<{ field: string }>;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? `Request failed (${problem.status})`);
  }
}

type Init = { method?: string; body?: unknown; headers?: Record<string, string> };

export const api = <T>(path: string, init: Init = {}): Promise<T> => call<T>(`/api${path}`, init);
export const bff = <T>(path: string, init: Init = {}): Promise<T> => call<T>(`/bff${path}`, init);

/** Sign-in is a page at the identity provider: a navigation, never a fetch. */
export function signInAt(returnTo: string): void {
  const path = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  window.location.assign(`/bff/login?returnTo=${encodeURIComponent(path)}`);
}

async function call<T>(url: string, init: Init): Promise<T> {
  const headers: Record<string, string> = {
    'X-CSRF': '1',
    accept: 'application/json',
    ...init.headers,
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError({ status: res.status, ...(data as object) });
  return data as T;
}
