import { declareCookieAnswersNotStored, declarePersonalCacheControl } from '@bff/platform-auth';
import { CORE_API_PROBLEM_EXAMPLES } from '@bff/bff-kit';
import { OpenApiInfo } from '@bff/platform-bootstrap';
import { NotFoundProblem } from '@bff/platform-problem';
import { declareRateLimits } from '@bff/platform-security';
import { CsrfHeaderMissingProblem } from '../csrf/csrf.guard';
import { CartLineFullProblem } from '../pages/cart/cart-page.service';
import { SessionRequiredProblem } from '../session/session.problems';
import { SESSION_SCHEME } from '../session/session.guard';
import { SESSION_COOKIE } from '../session/session-cookie';

/** Answers for the signed-in customer (session, cart, orders, checkout) are never stored. */
export const PERSONAL_CACHE_CONTROL = 'no-store';

export const openApiInfo: OpenApiInfo = {
  title: 'web-bff',
  description:
    'Backend for the browser storefront: one page-shaped answer per page, built from core-api. Owned by the web team.',
  version: '0.1.0',
  security: {
    name: SESSION_SCHEME,
    cookie: SESSION_COOKIE,
    description:
      'The HttpOnly session cookie GET /bff/callback sets after a sign-in at the identity provider (start at GET /bff/login). The browser sends it by itself; it is never readable by scripts and holds no token.',
  },
  scope: {
    audience: 'public',
    tags: {
      identity:
        'Sign-in at the identity provider, the session and signing out (docs/web-bff-security.md).',
      pages: 'One page-shaped answer per storefront page.',
      cart: "Changing the signed-in customer's cart.",
      checkout: 'Placing the order (idempotently).',
      media: 'Product pictures.',
      health: 'Liveness and readiness probes.',
      operations: 'Prometheus metrics.',
    },
  },
  problemExamples: {
    401: new SessionRequiredProblem(),
    403: new CsrfHeaderMissingProblem(),
    404: new NotFoundProblem('product', 99999),
    409: new CartLineFullProblem(99),
    ...CORE_API_PROBLEM_EXAMPLES,
  },
  patch: (document) => {
    declarePersonalCacheControl(document, PERSONAL_CACHE_CONTROL);
    declareCookieAnswersNotStored(document);
    declareRateLimits(document);
  },
};
