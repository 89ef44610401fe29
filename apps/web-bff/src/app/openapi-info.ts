import { declareCookieAnswersNotStored, declarePersonalCacheControl } from '@bff/platform-auth';
import { OpenApiInfo } from '@bff/platform-bootstrap';
import { declareRateLimits } from '@bff/platform-security';
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
  patch: (document) => {
    declarePersonalCacheControl(document, PERSONAL_CACHE_CONTROL);
    declareCookieAnswersNotStored(document);
    declareRateLimits(document);
  },
};
