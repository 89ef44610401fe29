import { Inject, Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './session-cookie';
import { SessionDto, SignedOutDto, SignInDto } from './session.dto';
import { SESSION_TIMEOUTS, SessionRecord, SessionStore, SessionTimeouts } from './session.store';

@Injectable()
export class SessionService {
  constructor(
    private readonly core: CoreApiClient,
    private readonly store: SessionStore,
    @Inject(SESSION_TIMEOUTS) private readonly timeouts: SessionTimeouts,
  ) {}

  /**
   * core-api checks the password (a wrong one is its 401, passed through). Only then is the old
   * session, if any, destroyed and a new id issued: the id always changes at sign-in, so an id
   * planted before sign-in (session fixation) is worth nothing after it.
   */
  async signIn(
    { email, password }: SignInDto,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<SessionDto> {
    const { customer } = await this.core.verifyCredentials(email, password);
    await this.store.destroy(sessionIdOf(request));
    const { id, record } = await this.store.create(customer);
    setSessionCookie(reply, id);
    return this.describe(record);
  }

  async signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.store.destroy(sessionIdOf(request));
    clearSessionCookie(reply);
  }

  /**
   * Whether the browser has a live session, answered either way (a question, not a protected
   * resource). A dead cookie is removed, so the browser stops sending it.
   */
  async probe(request: FastifyRequest, reply: FastifyReply): Promise<SessionDto | SignedOutDto> {
    const id = sessionIdOf(request);
    const session = await this.store.resolve(id);
    if (session) return this.describe(session);
    if (id) clearSessionCookie(reply);
    return { signedIn: false };
  }

  describe({ customer, createdAt }: SessionRecord): SessionDto {
    return {
      signedIn: true,
      customer: { id: customer.id, email: customer.email, displayName: customer.displayName },
      expiresAt: new Date(createdAt + this.timeouts.absoluteMs).toISOString(),
    };
  }
}
