import type { CookieSerializeOptions } from '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import { STATE_STORE, StateStore } from '@bff/platform-state';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { cookiesOf, SESSION_COOKIE_NAMES, SessionCookieNames } from '../session/session-cookie';

/** How long a sign-in at the provider may take, from /bff/login to /bff/callback. */
export const LOGIN_TTL_MS = 10 * 60_000;

/** What the callback checks the provider's answer against; kept on the server only. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

const ID = /^[A-Za-z0-9_-]{43}$/;
const keyOf = (id: string) => `login:${createHash('sha256').update(id).digest('base64url')}`;

/**
 * The login cookie holds the id of the browser's login transaction, nothing else. SameSite=Lax,
 * unlike the Strict session cookie: the provider's redirect back to /bff/callback is a cross-site
 * top-level navigation, on which a Strict cookie is not sent. `__Host-`, HttpOnly and Secure as
 * the session cookie; it lives as long as the transaction and is cleared by the callback.
 */
const COOKIE_OPTIONS: CookieSerializeOptions = {
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
};

/**
 * Login transactions in the StateStore (so any replica can take the callback), keyed by a random
 * id in the login cookie: state, nonce and PKCE verifier never reach the browser. `take`
 * reads and deletes at once, so a transaction is used once, even by two concurrent callbacks.
 */
@Injectable()
export class LoginTransactions {
  private readonly cookie: string;

  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(SESSION_COOKIE_NAMES) names: SessionCookieNames,
  ) {
    this.cookie = names.login;
  }

  async begin(returnTo: string, reply: FastifyReply): Promise<LoginTransaction> {
    const id = randomBytes(32).toString('base64url');
    const transaction: LoginTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo,
    };
    await this.store.set(keyOf(id), transaction, LOGIN_TTL_MS);
    reply.setCookie(this.cookie, id, { ...COOKIE_OPTIONS, maxAge: LOGIN_TTL_MS / 1000 });
    return transaction;
  }

  /** This browser's transaction, consumed; the cookie is cleared whatever it held. */
  async take(request: FastifyRequest, reply: FastifyReply): Promise<LoginTransaction | undefined> {
    const id = cookiesOf(request)[this.cookie];
    if (id !== undefined) reply.clearCookie(this.cookie, COOKIE_OPTIONS);
    if (!id || !ID.test(id)) return undefined;
    return this.store.take<LoginTransaction>(keyOf(id));
  }
}
