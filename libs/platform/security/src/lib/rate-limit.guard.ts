import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '@bff/platform-problem';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientNetwork } from './client-network';

/**
 * Routes that probes and scrapers call often from one address: never limited. Judged on the
 * template of the route the router matched, never on the URL text a client chose.
 */
const EXEMPT = /^\/(health|metrics)(\/|$)/;

/** Whether the route template is never counted (probes and scrapers). */
export const isRateLimitExempt = (template: string): boolean => EXEMPT.test(template);

/**
 * The global rate-limit guard: @nestjs/throttler's counting, answered the platform's way — 429
 * problem+json with a plain `Retry-After` in seconds, whichever limit was hit.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return isRateLimitExempt(request.routeOptions?.url ?? '');
  }

  /** IPv6 clients are counted by their /64, IPv4-mapped ones as IPv4 (see `clientNetwork`). */
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return clientNetwork(typeof request['ip'] === 'string' ? request['ip'] : undefined);
  }

  /**
   * The counter's key as plain text (route, limit name, client): the StateStore takes any string,
   * so the SHA-256 the default applies to every request buys nothing here.
   */
  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    reply.header('retry-after', String(detail.timeToBlockExpire));
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      `Too many requests: at most ${detail.limit} in ${Math.round(detail.ttl / 1000)} s. Retry after ${detail.timeToBlockExpire} s.`,
      { retryAfterSeconds: detail.timeToBlockExpire },
    );
  }
}
