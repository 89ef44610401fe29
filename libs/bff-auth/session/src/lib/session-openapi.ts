import type { OpenAPIObject } from '@nestjs/swagger';
import { declareCookieAnswersNotStored, declarePersonalCacheControl } from '@bff/platform-auth';
import type { OpenApiInfo } from '@bff/platform-bootstrap';
import { CsrfHeaderMissingProblem } from './csrf/csrf.guard';
import { nameTheBff } from './openapi-text';
import type { SessionAuthOptions } from './session-options';
import { SESSION_SCHEME } from './session/session.guard';
import { SessionRequiredProblem } from './session/session.problems';

/** Answers for the signed-in customer (session, cart, orders…) are never stored. */
export const PERSONAL_CACHE_CONTROL = 'no-store';

/** What a session BFF's OpenAPI document needs from this lib (spread parts into `OpenApiInfo`). */
export interface SessionOpenApi {
  /** The cookie security scheme `@RequiresSession()` names. */
  security: NonNullable<OpenApiInfo['security']>;
  /** The 401 a personal route gives without a session, and the 403 of the CSRF guard. */
  problemExamples: { 401: SessionRequiredProblem; 403: CsrfHeaderMissingProblem };
  /**
   * Call from the document's `patch`: declares `Cache-Control: no-store` on every answer of a
   * personal route and beside every `Set-Cookie`, and puts the BFF's name and cookie names in the
   * lib's texts.
   */
  patch: (document: OpenAPIObject) => void;
}

export function sessionOpenApi(options: SessionAuthOptions): SessionOpenApi {
  return {
    security: {
      name: SESSION_SCHEME,
      cookie: options.cookies.session,
      description:
        'The HttpOnly session cookie GET /bff/callback sets after a sign-in at the identity provider (start at GET /bff/login). The browser sends it by itself; it is never readable by scripts and holds no token.',
    },
    problemExamples: {
      401: new SessionRequiredProblem(),
      403: new CsrfHeaderMissingProblem(options.csrf.securityDoc),
    },
    patch: (document) => {
      declarePersonalCacheControl(document, PERSONAL_CACHE_CONTROL);
      nameTheBff(document, options.service, options.cookies);
      declareCookieAnswersNotStored(document);
    },
  };
}
