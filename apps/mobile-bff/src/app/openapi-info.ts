import { bearerProblemExamples, bearerSecurity, declareBearerAuth } from '@bff/bff-bearer';
import { declarePersonalCacheControl } from '@bff/platform-auth';
import { CORE_API_PROBLEM_EXAMPLES } from '@bff/bff-kit';
import { OpenApiInfo } from '@bff/platform-bootstrap';
import { NotFoundProblem } from '@bff/platform-problem';
import { declareRateLimits } from '@bff/platform-security';
import { AppUpdateRequiredProblem } from '../versioning/app-version';
import { declareRevalidation } from '../etag/etag.openapi';
import { MobileBffEnv, mobileBearerOptions } from '../config/env';
import { AppUpdateRequiredProblemDto } from '../versioning/app-update-problem.dto';
import { describeVersions } from '../versioning/openapi-versions';

/**
 * Personal screens (cart, orders, checkout) are kept by no shared cache; the app may keep them and
 * revalidate with their ETag (304), so `private, no-cache` rather than `no-store`.
 */
export const PERSONAL_CACHE_CONTROL = 'private, no-cache';

/** The document's text, with the identity provider this process accepts tokens from. */
export const openApiInfo = (env: MobileBffEnv): OpenApiInfo => {
  const bearer = mobileBearerOptions(env);
  return {
    title: 'mobile-bff',
    description:
      'Backend for the native apps: one compact, screen-shaped answer per screen, versioned in the URL. ' +
      'v1 and v2 are served side by side; v1 answers carry `Deprecation`, `Sunset` and a `Link` to their v2 successor. ' +
      'Apps send `X-App-Version`; below the minimum they get 426. GET screens and product pictures carry a weak `ETag` (`If-None-Match` → 304). ' +
      'Owned by the mobile team.',
    version: '0.1.0',
    security: bearerSecurity(
      bearer,
      'which the app gets by signing in at the provider in the system browser (authorization code + PKCE, RFC 8252) and refreshes there',
    ),
    scope: {
      audience: 'public',
      tags: {
        auth: 'The removed password sign-in: 426, sign in at the identity provider instead.',
        screens: 'One compact, screen-shaped answer per app screen, per API version.',
        media: 'Product pictures.',
        health: 'Liveness and readiness probes.',
        operations: 'Prometheus metrics.',
      },
    },
    problemExamples: {
      ...bearerProblemExamples(bearer),
      404: new NotFoundProblem('product', 99999),
      426: new AppUpdateRequiredProblem('1.0.0', '1.4.0'),
      ...CORE_API_PROBLEM_EXAMPLES,
    },
    extraModels: [AppUpdateRequiredProblemDto],
    patch: (document) => {
      declarePersonalCacheControl(document, PERSONAL_CACHE_CONTROL);
      declareBearerAuth(document, bearer);
      declareRevalidation(document);
      declareRateLimits(document);
      // Last: its v1 headers go on every answer the others declared (304, 429…).
      describeVersions(document);
    },
  };
};
