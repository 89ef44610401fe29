import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { CLOCK, Clock, STATE_STORE, StateStore } from '@bff/platform-state';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';

/** How many failed sign-ins one account may have in one window (from the validated environment). */
export interface SignInLimitOptions {
  maxFailures: number;
  windowMs: number;
}

export const SIGN_IN_LIMIT = Symbol('SIGN_IN_LIMIT');

/** 429 for an account that had too many failed sign-ins in the current window. */
export class SignInLimitedProblem extends ProblemException {
  constructor(retryAfterSeconds: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'sign_in_limited',
      `Too many failed sign-ins for this account. Retry after ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  }
}

/**
 * Failed sign-ins counted per account, whatever address they come from: the per-IP limit alone
 * is escaped by anyone who can choose their address (a rotating X-Forwarded-For, a botnet).
 *
 * Each attempt first reserves one unit of the account's counter (atomic `increment` in the
 * StateStore, so replicas and concurrent requests share it); past the limit the attempt is
 * refused with 429 and Retry-After before the password is checked. A wrong password (401) keeps
 * its unit; any other outcome — success, bad input, core-api unavailable — hands it back. So a
 * success takes back only its own attempt and never wipes an attacker's failures, and parallel
 * guesses cannot slip past the limit. While the account is limited even the right password gets
 * the 429: letting it through would turn the limit into an oracle (429 = wrong, 200 = right).
 * The cost is that the real customer waits for the window to end; keep the window short.
 *
 * The counter's key is a SHA-256 of the normalised e-mail in a fixed window judged by the
 * injected clock: the store holds no address book, and unknown e-mails are limited exactly like
 * known ones, so the 429 says nothing about whether an account exists.
 */
@Injectable()
export class SignInLimitInterceptor implements NestInterceptor {
  constructor(
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SIGN_IN_LIMIT) private readonly options: SignInLimitOptions,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const account = accountOf(http.getRequest<FastifyRequest>().body);
    // No e-mail to count against: the validation that follows answers 400 without a check.
    if (account === undefined) return next.handle();

    const { maxFailures, windowMs } = this.options;
    const now = this.clock.now();
    const window = Math.floor(now / windowMs);
    const key = `sign-in-failures:${account}:${window}`;
    const { count } = await this.store.increment(key, windowMs);
    if (count > maxFailures) {
      const retryAfter = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
      http.getResponse<FastifyReply>().header('retry-after', String(retryAfter));
      throw new SignInLimitedProblem(retryAfter);
    }
    return from(this.settle(key, next));
  }

  private async settle(key: string, next: CallHandler): Promise<unknown> {
    try {
      const result = await lastValueFrom(next.handle());
      await this.store.decrement(key);
      return result;
    } catch (error) {
      if (!(error instanceof HttpException && error.getStatus() === HttpStatus.UNAUTHORIZED)) {
        await this.store.decrement(key);
      }
      throw error;
    }
  }
}

/** The pseudonymous account key of a sign-in body: a hash of its e-mail, normalised. */
function accountOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | null | undefined)?.email;
  if (typeof email !== 'string' || email.length > 320) return undefined;
  const normalised = email.normalize('NFKC').trim().toLowerCase();
  return createHash('sha256').update('sign-in\0').update(normalised).digest('base64url');
}

/**
 * Marks a password sign-in route: failed attempts count per account (body `email`) against
 * `SIGN_IN_FAILURES_MAX` per `SIGN_IN_FAILURE_WINDOW_MS`. The controller's module provides
 * `SIGN_IN_LIMIT`; `STATE_STORE` and `CLOCK` come from the app (or the module's override).
 */
export const LimitFailedSignIns = (): MethodDecorator & ClassDecorator =>
  UseInterceptors(SignInLimitInterceptor);
