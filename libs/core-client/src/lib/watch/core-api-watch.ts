import { Logger } from '@nestjs/common';
import { bodyField, DownstreamFailure } from '../transport/downstream-failure';
import { connectionFailureOf } from './connection-failure';

/** Where the watch writes its lines (Nest's Logger by default; a capture in tests). */
export interface WatchLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The part of an answer the watch reads. */
export interface CoreApiAnswer {
  status: number;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/** core-api's code for a request whose service token it refused (its ServiceAuthGuard). */
export const SERVICE_TOKEN_REFUSED_CODE = 'service_token_required';

/** True when core-api refused the service token this BFF signed (not the end user's input). */
export function isServiceTokenRefusal(answer: CoreApiAnswer): boolean {
  return answer.status === 401 && bodyField(answer.body, 'code') === SERVICE_TOKEN_REFUSED_CODE;
}

/** Reasons that mean the clocks disagree rather than the keys. */
const CLOCK_REASONS = /^(expired|claim (iat|nbf|exp) invalid)$/;

/**
 * What a BFF says in its log about its link to core-api, once per episode and not per request:
 *
 * - core-api unreachable (WARN, with the URL and the cause: `ECONNREFUSED`, `ENOTFOUND`,
 *   `connect timeout`, `timeout`, `TLS …`), then "reachable again" when anything answers;
 * - core-api refusing this service's token (ERROR, naming the fix), then "accepts … again" on the
 *   next accepted call.
 *
 * It is fed by the transport (every attempt's outcome), the readiness check and the start-up probe,
 * so the first line appears before any shopper asks for anything. Readiness is not affected.
 */
export class CoreApiWatch {
  private reachable?: boolean;
  private refusedToken = false;

  constructor(
    readonly baseUrl: string,
    private readonly out: WatchLog = new Logger('CoreApi'),
  ) {}

  /** core-api answered over HTTP, whatever the status. */
  answered(answer: CoreApiAnswer): void {
    if (this.reachable === false) this.out.log(`core-api at ${this.baseUrl} is reachable again`);
    else if (this.reachable === undefined) this.out.log(`core-api at ${this.baseUrl} is reachable`);
    this.reachable = true;
    if (isServiceTokenRefusal(answer)) this.tokenRefused(reasonOf(answer.headers));
    else if (answer.status < 300 && this.refusedToken) {
      this.refusedToken = false;
      this.out.log(`core-api accepts this service's token again`);
    }
  }

  /** A call or probe failed; only failures to reach core-api at all are about reachability. */
  failed(error: unknown): void {
    if (error instanceof DownstreamFailure && error.answer) return this.answered(error.answer);
    const cause = connectionFailureOf(error);
    if (cause) this.unreachable(cause);
  }

  /** core-api could not be reached, for `cause`. */
  unreachable(cause: string): void {
    if (this.reachable === false) return;
    this.reachable = false;
    this.out.warn(
      `core-api at ${this.baseUrl} is unreachable (${cause}): check that core-api is running and ` +
        `CORE_API_URL points at it. Readiness stays up; answers that need core-api are 503 until it is back.`,
    );
  }

  private tokenRefused(reason: string): void {
    if (this.refusedToken) return;
    this.refusedToken = true;
    this.out.error(
      CLOCK_REASONS.test(reason)
        ? `core-api rejected this service's token (${reason}): the clocks of this service and ` +
            `core-api disagree — synchronise them (NTP)`
        : `core-api rejected this service's token (${reason}): its trusted keys do not match this ` +
            `service's key — restart all services together (npm start), or set ` +
            `SERVICE_TOKEN_PUBLIC_KEYS on core-api to this service's public key`,
    );
  }
}

/** The reason core-api gives in `WWW-Authenticate: Bearer …, error_description="…"`. */
function reasonOf(headers: Record<string, unknown> = {}): string {
  const header = headers['www-authenticate'];
  const text = Array.isArray(header) ? header.join(', ') : typeof header === 'string' ? header : '';
  const match = /error_description="([^"\\]{1,80})"/.exec(text);
  return match?.[1] ?? 'no reason given';
}
