import { declarePersonalCacheControl } from '@bff/platform-auth';
import { OpenApiInfo } from '@bff/platform-bootstrap';
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
      'The HttpOnly session cookie POST /api/session sets. The browser (and Swagger UI, after signing in there) sends it by itself.',
  },
  patch: (document) => declarePersonalCacheControl(document, PERSONAL_CACHE_CONTROL),
};
