import type { IncomingHttpHeaders } from 'node:http';
import { isObject } from '../contracts/checks';

/** What core-api answered: status, headers (lower-case names) and body (parsed when JSON, else text). */
export interface DownstreamAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/**
 * Why one attempt at a core-api call gave no usable answer:
 * - `answer`: core-api answered outside 2xx (`answer` holds what it said);
 * - `network`: core-api was not reached, or the connection broke (refused, reset, DNS, TLS,
 *   connect timeout); `code` is the socket's or undici's code;
 * - `timeout`: the socket itself timed out (`ETIMEDOUT`, `ECONNABORTED`);
 * - `aborted`: the call's own signal stopped it (its attempt timeout or deadline);
 * - `too_large`: the answer was larger than the transport reads, so it was not read.
 */
export type FailureKind = 'answer' | 'network' | 'timeout' | 'aborted' | 'too_large';

/**
 * core-client's one error for a failed attempt, thrown by `CoreTransport` and classified by the
 * retry and breaker policies (`resilience/failure-kinds.ts`) and the problem mapping
 * (`errors/downstream-errors.ts`). It never reaches a BFF's client: every call turns it into a
 * problem. The original error, if any, is its `cause` (the core-api watch reads codes there).
 */
export class DownstreamFailure extends Error {
  override readonly name = 'DownstreamFailure';
  /** The socket's or undici's error code (`ECONNREFUSED`, `UND_ERR_SOCKET`, …), when there is one. */
  readonly code?: string;
  /** What core-api answered, for kind `answer`. */
  readonly answer?: DownstreamAnswer;

  constructor(
    readonly kind: FailureKind,
    message: string,
    options: { code?: string; answer?: DownstreamAnswer; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.answer = options.answer;
  }

  /** core-api's status, for kind `answer`. */
  get status(): number | undefined {
    return this.answer?.status;
  }

  static answered(answer: DownstreamAnswer): DownstreamFailure {
    return new DownstreamFailure('answer', `core-api answered ${answer.status}`, { answer });
  }
}

/** A property of a JSON body (core-api's problem `code`, `detail`, `errors`), if it has one. */
export function bodyField(body: unknown, name: string): unknown {
  return isObject(body) && Object.hasOwn(body, name) ? body[name] : undefined;
}
