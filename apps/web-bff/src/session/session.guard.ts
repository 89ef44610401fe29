import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  HttpStatus,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import { ApiProblems, ProblemException } from '@bff/platform-problem';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearSessionCookie, sessionIdOf } from './session-cookie';
import { SessionRecord, SessionStore } from './session.store';

/** 401 for a personal route without a live session: a JSON answer the page handles, never a redirect. */
export class SessionRequiredProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNAUTHORIZED,
      'session_required',
      'Sign in first: there is no session, or it has ended or timed out.',
    );
  }
}

const sessions = new WeakMap<object, SessionRecord>();

/** Lets a request through only with a live session, which it hands to `@SignedInCustomer()`. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly store: SessionStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const id = sessionIdOf(request);
    const session = await this.store.resolve(id);
    if (!session) {
      // A dead cookie is removed, so the browser stops sending it.
      if (id) clearSessionCookie(http.getResponse<FastifyReply>());
      throw new SessionRequiredProblem();
    }
    sessions.set(request, session);
    return true;
  }
}

/** The signed-in session of a request that passed {@link SessionGuard}. */
export function sessionOf(request: object): SessionRecord {
  const session = sessions.get(request);
  if (!session) throw new Error('sessionOf() needs @RequiresSession() on the route');
  return session;
}

/** The signed-in customer's id; the route must carry `@RequiresSession()`. */
export const SignedInCustomer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number =>
    sessionOf(context.switchToHttp().getRequest<object>()).customer.id,
);

/** The OpenAPI security scheme of the session cookie (app/openapi-info.ts). */
export const SESSION_SCHEME = 'session';

/** A personal route: needs a live `__Host-session` cookie (401 problem+json otherwise). */
export function RequiresSession(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(SessionGuard), ApiCookieAuth(SESSION_SCHEME), ApiProblems(401));
}
