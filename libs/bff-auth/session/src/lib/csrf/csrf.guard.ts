import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { IS_PUBLIC_ROUTE } from '@bff/platform-auth';
import { ApiProblems, ProblemException } from '@bff/platform-problem';
import type { FastifyRequest } from 'fastify';
import { crossSiteHeader } from './fetch-metadata';

export const CSRF_HEADER = 'x-csrf';
export const CSRF_VALUE = '1';

/** Route metadata: this handler takes no anti-CSRF checks (see {@link CsrfExempt}). */
export const CSRF_EXEMPT = 'bff-session:csrf-exempt';

/** What {@link CsrfGuard} is configured with (`CsrfModule.forRoot`). */
export interface CsrfOptions {
  /** `PUBLIC_ORIGINS`: the only origins an `Origin` header may name; empty: the request's host. */
  publicOrigins: readonly string[];
  /** Where the 403 `csrf_header_missing` problem sends a developer to read more (a repo path). */
  securityDoc?: string;
}

export const CSRF_OPTIONS = Symbol('CSRF_OPTIONS');

export class CsrfHeaderMissingProblem extends ProblemException {
  /** `securityDoc`: a page the detail points to, e.g. `docs/partner-bff-security.md`. */
  constructor(securityDoc?: string) {
    super(
      HttpStatus.FORBIDDEN,
      'csrf_header_missing',
      `Every /api request needs the header "X-CSRF: 1"${securityDoc ? ` (see ${securityDoc})` : ''}.`,
    );
  }
}

export class CrossSiteRequestProblem extends ProblemException {
  constructor(header: 'Sec-Fetch-Site' | 'Origin') {
    super(
      HttpStatus.FORBIDDEN,
      'cross_site_request',
      `The browser says this request comes from another site (${header}); only the storefront's own pages may call the API.`,
    );
  }
}

export class JsonBodyRequiredProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'json_body_required',
      'Request bodies must be application/json.',
    );
  }
}

/**
 * Takes a handler out of the anti-CSRF checks. Only for routes a cross-site request cannot abuse:
 * no credentials, no side effects. Every other handler is guarded without saying anything.
 */
export const CsrfExempt = (): MethodDecorator & ClassDecorator => SetMetadata(CSRF_EXEMPT, true);

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Anti-CSRF for the cookie session, on every Nest handler unless its route metadata exempts it
 * (`@CsrfExempt()`, or a GET of a platform `@PublicRoute()` such as /health and /metrics). It is
 * bound to the matched handler, never to the text of the URL, so no spelling of a path (`/%61pi`,
 * `/api/./`, a trailing slash) gets past it. In order:
 * 1. `X-CSRF: 1`: a form or a link cannot set a header, and fetch() with a custom header needs a
 *    CORS preflight that the BFF never approves;
 * 2. the browser's own word: `Sec-Fetch-Site` must be `same-origin` when sent, and `Origin` must
 *    be this service's when sent (`PUBLIC_ORIGINS`, else the request's host);
 * 3. a body must be JSON, which no HTML form can send.
 * A global guard runs before the route's own guards and the handler: a refused request never
 * reaches the session store or core-api.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CSRF_OPTIONS) private readonly options: CsrfOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.isExempt(context, request.method)) return true;
    if (request.headers[CSRF_HEADER] !== CSRF_VALUE)
      throw new CsrfHeaderMissingProblem(this.options.securityDoc);
    const crossSite = crossSiteHeader(request, this.options.publicOrigins);
    if (crossSite) throw new CrossSiteRequestProblem(crossSite);
    if (hasBody(request) && !isJson(request.headers['content-type'])) {
      throw new JsonBodyRequiredProblem();
    }
    return true;
  }

  private isExempt(context: ExecutionContext, method: string): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(CSRF_EXEMPT, targets)) return true;
    return (
      SAFE_METHODS.has(method) &&
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_ROUTE, targets) === true
    );
  }
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined
  );
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/**
 * Documents what {@link CsrfGuard} enforces on every operation of a guarded controller (Swagger
 * UI then sends the header too). Every controller that is not exempt carries it: the CSRF specs
 * check the committed OpenAPI document declares the header exactly where it is enforced.
 */
export function CsrfHeader(): ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'X-CSRF',
      required: true,
      description:
        'Anti-CSRF header. Without it the answer is 403 `csrf_header_missing`; a request the browser marks as coming from another site (`Sec-Fetch-Site` other than `same-origin`, or a foreign `Origin`) is 403 `cross_site_request`.',
      schema: { type: 'string', enum: [CSRF_VALUE] },
    }),
    ApiProblems(403),
  );
}
