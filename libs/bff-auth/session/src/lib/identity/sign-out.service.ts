import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogoutRequest } from '../oidc/logout-token.verifier';
import { OidcClient } from '../oidc/oidc-client';
import { SessionCookie } from '../session/session-cookie';
import { SessionRecord, SessionStore } from '../session/session.store';
import { LoggedOutDto, SignedOutEverywhereDto } from './identity.dto';

/**
 * Ends sessions: this browser's (logout), every session of its customer (sign-out everywhere),
 * or those the provider names (back-channel logout). The records are deleted from the shared
 * store, so every replica sees it at once, and each ended session's refresh token is revoked at
 * the provider: nothing kept anywhere can be redeemed afterwards.
 */
@Injectable()
export class SignOutService {
  constructor(
    private readonly sessions: SessionStore,
    private readonly oidc: OidcClient,
    private readonly cookie: SessionCookie,
  ) {}

  async logout(request: FastifyRequest, reply: FastifyReply): Promise<LoggedOutDto> {
    const ended = await this.sessions.destroy(this.cookie.idOf(request));
    this.cookie.clear(reply);
    if (!ended) return { signedIn: false };
    await this.revokeAll([ended]);
    return this.loggedOut();
  }

  async everywhere(record: SessionRecord, reply: FastifyReply): Promise<SignedOutEverywhereDto> {
    const ended = await this.sessions.endSubject(record.subject);
    this.cookie.clear(reply);
    await this.revokeAll(ended);
    return { ...(await this.loggedOut()), endedSessions: Math.max(1, ended.length) };
  }

  /** Back-channel logout: the sessions of that provider session, else every one of that subject. */
  async fromProvider({ sid, sub }: LogoutRequest): Promise<number> {
    const ended = sid
      ? await this.sessions.endProviderSession(sid)
      : await this.sessions.endSubject(sub ?? '');
    await this.revokeAll(ended);
    return ended.length;
  }

  private async loggedOut(): Promise<LoggedOutDto> {
    const endSessionUrl = await this.oidc.endSessionUrl();
    return { signedIn: false, ...(endSessionUrl ? { endSessionUrl } : {}) };
  }

  private async revokeAll(records: SessionRecord[]): Promise<void> {
    await Promise.all(records.map((record) => this.oidc.revoke(record.tokens.refreshToken)));
  }
}
