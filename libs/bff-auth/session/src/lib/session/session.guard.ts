import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import { ApiProblem, ApiProblems } from '@bff/platform-problem';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionCookie } from './session-cookie';
import { SessionRequiredProblem } from './session.problems';
import { SessionRefresher } from './session-refresh';
import { SessionRecord, SessionStore } from './session.store';

export { SessionRequiredProblem } from './session.problems';

const sessions = new WeakMap<object, { id: string; record: SessionRecord }>();

/**
 * Lets a request through only with a live session, whose access token it refreshes first when it
 * is about to expire (SessionRefresher), and hands it to `@SignedInCustomer()`.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly store: SessionStore,
    private readonly refresher: SessionRefresher,
    private readonly cookie: SessionCookie,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const id = this.cookie.idOf(request);
    try {
      const session = id ? await this.store.resolve(id) : undefined;
      if (!id || !session) throw new SessionRequiredProblem();
      sessions.set(request, { id, record: await this.refresher.fresh(id, session) });
      return true;
    } catch (error) {
      // A dead cookie is removed, so the browser stops sending it.
      if (id && error instanceof SessionRequiredProblem)
        this.cookie.clear(http.getResponse<FastifyReply>());
      throw error;
    }
  }
}

/** The signed-in session of a request that passed {@link SessionGuard}: its id and record. */
export function sessionOf(request: object): { id: string; record: SessionRecord } {
  const session = sessions.get(request);
  if (!session) throw new Error('sessionOf() needs @RequiresSession() on the route');
  return session;
}

/** The signed-in customer's id; the route must carry `@RequiresSession()`. */
export const SignedInCustomer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number =>
    sessionOf(context.switchToHttp().getRequest<object>()).record.customer.id,
);

/** The OpenAPI security scheme of the session cookie (`sessionOpenApi`). */
export const SESSION_SCHEME = 'session';

/** A personal route: needs a live session cookie (401 problem+json otherwise). */
export function RequiresSession(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(SessionGuard),
    ApiCookieAuth(SESSION_SCHEME),
    ApiProblem(401, {
      headers: {
        'Set-Cookie': {
          description:
            'When the request carried a session cookie that is no longer live: `__Host-session=; Max-Age=0; …` clears it.',
          schema: { type: 'string', maxLength: 4096 },
        },
      },
    }),
    ApiProblems(503),
  );
}
