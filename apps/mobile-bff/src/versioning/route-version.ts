import type { FastifyRequest } from 'fastify';

const VERSIONED_ROUTE = /^\/v(\d+)\//;
const SCREEN_ROUTE = /^\/v\d+\/screens\//;
const MEDIA_ROUTE = /^\/media\//;

/**
 * The template of the route Fastify's router matched (`/v1/screens/product/:id`), which Nest's
 * URI versioning builds from each controller's `version`. The version rules read this, never the
 * URL as sent: the router decodes the path before matching, so `/%761/screens/home` is the v1
 * route too, and any test of the raw text would let it through. Undefined for an unknown path.
 */
const routeOf = (request: FastifyRequest): string => request.routeOptions.url ?? '';

/** The API version of the matched route (1 for `/v1/…`); none for health, metrics and 404s. */
export function routeVersion(request: FastifyRequest): number | undefined {
  const version = VERSIONED_ROUTE.exec(routeOf(request))?.[1];
  return version === undefined ? undefined : Number(version);
}

/** Whether the matched route's answers carry an ETag (see {@link isRevalidatedTemplate}). */
export const isRevalidatedRoute = (request: FastifyRequest): boolean =>
  isRevalidatedTemplate(routeOf(request));

/**
 * Whether answers of this route template are revalidated with ETag/If-None-Match (304): the GET
 * screens (`/v<n>/screens/…`) and product pictures (`/media/…`). Read from the matched route by the HTTP layer and from the path
 * templates by the OpenAPI document, so the two cannot disagree.
 */
export const isRevalidatedTemplate = (template: string): boolean =>
  SCREEN_ROUTE.test(template) || MEDIA_ROUTE.test(template);
