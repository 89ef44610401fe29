// The storefront's only way to the server: same-origin calls to web-bff's /api, carrying the
// session cookie (HttpOnly: this code never sees it) and the anti-CSRF header.

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

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    'X-CSRF': '1',
    accept: 'application/json',
    ...init.headers,
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api${path}`, {
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
