// The storefront's only way to the server: web-bff's SDK (@bff/web-sdk), whose client makes
// same-origin calls to /api (pages and cart) and /bff (who is signed in, sign-out) carrying the
// session cookie (HttpOnly: this code never sees it, nor any token) and the anti-CSRF header.
// Every type here is the SDK's, generated from web-bff's document: a web-bff change the
// storefront does not follow fails its type check.
import { createWebBffClient, problemOf, type components, type Problem } from '@bff/web-sdk';

export const web = createWebBffClient({ baseUrl: window.location.origin });

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? `Request failed (${problem.status})`);
  }
}

/** The data of a successful answer; anything else throws its problem as an {@link ApiError}. */
export async function ok<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw new ApiError(problemOf(error, response.status));
  return data as T;
}

/** Sign-in is a page at the identity provider: a navigation, never a fetch. */
export function signInAt(returnTo: string): void {
  const path = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  window.location.assign(`/bff/login?returnTo=${encodeURIComponent(path)}`);
}

// The views' names for the SDK's schemas.
type Schemas = components['schemas'];
export type Price = Schemas['PriceDto'];
export type Card = Schemas['ProductCardDto'];
export type Session = Schemas['SessionDto'];
export type CartView = Schemas['CartViewDto'];
export type CartLine = Schemas['CartLineViewDto'];
export type OrderLine = Schemas['OrderLineViewDto'];
export type ShippingEstimate = Schemas['ShippingEstimateDto'];
export type OrderView = Schemas['OrderViewDto'];
