import type { CookieSerializeOptions } from '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The names of the BFF's two cookies (see `sessionOptionsFromEnv` for the defaults). */
export interface SessionCookieNames {
  /** The session cookie, e.g. `__Host-partner-bff-session`. */
  session: string;
  /** The login transaction's cookie, e.g. `__Host-partner-bff-login`. */
  login: string;
}

export const SESSION_COOKIE_NAMES = Symbol('SESSION_COOKIE_NAMES');

/** The names the lib's OpenAPI texts are written with (`nameTheBff` puts the BFF's own in place). */
export const DOCUMENTED_COOKIES: SessionCookieNames = {
  session: '__Host-session',
  login: '__Host-login',
};

/** `__Host-<service>-session` and `__Host-<service>-login`: two BFFs on one host never share them. */
export const cookieNamesOf = (service: string): SessionCookieNames => ({
  session: `__Host-${service}-session`,
  login: `__Host-${service}-login`,
});

/**
 * The browser's only credential. `__Host-` makes the browser refuse it unless it is Secure, has
 * Path=/ and no Domain, so no sibling subdomain can set or read it. HttpOnly keeps it from
 * scripts; SameSite=Strict keeps it off every cross-site request.
 */
const COOKIE_OPTIONS: CookieSerializeOptions = {
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'strict',
};

/** The session cookie under its configured name (@fastify/cookie parses the Cookie header). */
@Injectable()
export class SessionCookie {
  constructor(@Inject(SESSION_COOKIE_NAMES) private readonly names: SessionCookieNames) {}

  /** The session id the browser sent, if any. */
  idOf(request: FastifyRequest): string | undefined {
    const value = cookiesOf(request)[this.names.session];
    return value ? value : undefined;
  }

  /** A session cookie without Max-Age: the browser forgets it when it closes; the server decides expiry. */
  set(reply: FastifyReply, sessionId: string): void {
    reply.setCookie(this.names.session, sessionId, COOKIE_OPTIONS);
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(this.names.session, COOKIE_OPTIONS);
  }
}

/** The cookies @fastify/cookie parsed (none when the plugin is not registered). */
export function cookiesOf(request: FastifyRequest): Record<string, string | undefined> {
  return (request as { cookies?: Record<string, string | undefined> }).cookies ?? {};
}
