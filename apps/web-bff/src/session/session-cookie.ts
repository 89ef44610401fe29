import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The browser's only credential. `__Host-` makes the browser refuse it unless it is Secure, has
 * Path=/ and no Domain, so no sibling subdomain can set or read it. HttpOnly keeps it from
 * scripts; SameSite=Strict keeps it off every cross-site request.
 */
export const SESSION_COOKIE = '__Host-session';

const COOKIE_OPTIONS: CookieSerializeOptions = {
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'strict',
};

/** The session id the browser sent, if any (@fastify/cookie parses the Cookie header). */
export function sessionIdOf(request: FastifyRequest): string | undefined {
  const value = (request as { cookies?: Record<string, string | undefined> }).cookies?.[
    SESSION_COOKIE
  ];
  return value ? value : undefined;
}

/** A session cookie without Max-Age: the browser forgets it when it closes; the server decides expiry. */
export function setSessionCookie(reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, COOKIE_OPTIONS);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
}
