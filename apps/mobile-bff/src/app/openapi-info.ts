import { declarePersonalCacheControl } from '@bff/platform-auth';
import { OpenApiInfo } from '@bff/platform-bootstrap';
import { BEARER_SCHEME } from '../auth/current-customer.decorator';
import { MobileBffEnv } from '../config/env';
import { describeVersions } from '../versioning/openapi-versions';

/**
 * Personal screens (cart, orders, checkout) are kept by no shared cache; the app may keep them and
 * revalidate with their ETag (304), so `private, no-cache` rather than `no-store`.
 */
export const PERSONAL_CACHE_CONTROL = 'private, no-cache';

/** "10 minutes", "90 seconds": a lifetime as the document says it. */
function spoken(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} seconds`;
}

/** The document's text, with the access-token lifetime this process is configured with. */
export const openApiInfo = (env: Pick<MobileBffEnv, 'ACCESS_TOKEN_TTL_MS'>): OpenApiInfo => ({
  title: 'mobile-bff',
  description:
    'Backend for the native apps: one compact, screen-shaped answer per screen, versioned in the URL. ' +
    'v1 and v2 are served side by side; v1 answers carry `Deprecation`, `Sunset` and a `Link` to their v2 successor. ' +
    'Apps send `X-App-Version`; below the minimum they get 426. GET screens and product pictures carry a weak `ETag` (`If-None-Match` → 304). ' +
    'Owned by the mobile team.',
  version: '0.1.0',
  security: {
    name: BEARER_SCHEME,
    description:
      `Access token from POST /v1/auth/token or /v1/auth/refresh (HS256 JWT). It lives ` +
      `${spoken(env.ACCESS_TOKEN_TTL_MS)} (ACCESS_TOKEN_TTL_MS; at most 15 minutes), then refresh.`,
  },
  patch: (document) => {
    describeVersions(document);
    declarePersonalCacheControl(document, PERSONAL_CACHE_CONTROL);
  },
});
