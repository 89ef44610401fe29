import { outgoingTraceHeaders } from '@bff/platform-tracing';
import { setImmediate as afterPoll } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { CoreApiWatch } from '../watch/core-api-watch';
import { Base, baseOf, CoreRequest, targetOf } from './core-request';
import { DownstreamAnswer, DownstreamFailure } from './downstream-failure';

export interface CoreTransportOptions {
  /** core-api's base URL, e.g. http://127.0.0.1:3000 (a path below the origin is kept). */
  baseUrl: string;
  /** Sent as `User-Agent`. */
  userAgent?: string;
  /** Largest answer read, in bytes; a larger one fails as `too_large` without being read. */
  maxResponseBytes?: number;
  /** Told every attempt's outcome, to log core-api becoming unreachable or refusing our token. */
  watch?: CoreApiWatch;
}

/** Socket-level codes that mean "too slow", not "not there". */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/**
 * Sends one attempt of a core-api call over an undici dispatcher (core-client's keep-alive `Pool`)
 * and answers its body, parsed when it is JSON. A status outside 2xx, a failed connection, an
 * aborted attempt or an oversized answer fails with a `DownstreamFailure`, which the policies and
 * the problem mapping classify. Every call carries `accept`, `user-agent`, this service's token
 * (set last, so nothing a caller passes replaces it) and, when tracing leaves it to callers, the
 * W3C trace context; otherwise OpenTelemetry's undici instrumentation adds it with a client span.
 * The attempt's `signal` (attempt timeout, deadline) aborts the request and its body.
 */
export class CoreTransport {
  private readonly base: Base;
  private readonly userAgent: string;
  private readonly maxResponseBytes: number;
  private readonly watch?: CoreApiWatch;

  constructor(
    private readonly dispatcher: Dispatcher,
    options: CoreTransportOptions,
  ) {
    this.base = baseOf(options.baseUrl);
    this.userAgent = options.userAgent ?? 'core-client';
    this.maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
    this.watch = options.watch;
  }

  async send(request: CoreRequest, signal: AbortSignal, authorization: string): Promise<unknown> {
    let answer: DownstreamAnswer;
    try {
      answer = await this.exchange(request, signal, authorization);
    } catch (error) {
      const failure = failureOf(error, signal);
      this.watch?.failed(failure);
      throw failure;
    }
    this.watch?.answered(answer);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    throw DownstreamFailure.answered(answer);
  }

  private async exchange(
    request: CoreRequest,
    signal: AbortSignal,
    authorization: string,
  ): Promise<DownstreamAnswer> {
    const body = request.body === undefined ? null : JSON.stringify(request.body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.userAgent,
    };
    if (body !== null) headers['content-type'] = 'application/json';
    const own = request.headers;
    if (own) for (const name of Object.keys(own)) headers[name.toLowerCase()] = own[name] as string;
    Object.assign(headers, outgoingTraceHeaders());
    headers['authorization'] = authorization;
    const result = await this.dispatcher.request({
      origin: this.base.origin,
      path: targetOf(this.base, request),
      method: request.method,
      headers,
      body,
      signal,
    });
    const text = await readBody(result, this.maxResponseBytes);
    // undici hands this answer's connection to the next queued request only in a setImmediate
    // (it waits for the check phase before reusing a keep-alive socket). Parsing and all the
    // caller then does with the answer (contract check, shaping and writing the page) would run
    // before that, in the poll phase, for every answer that arrived in this loop turn: under load
    // the queued calls waited for all of it. Going on in an immediate of our own, queued after
    // undici's, lets the freed connection carry the next request first (docs/performance.md).
    await afterPoll();
    return { status: result.statusCode, headers: result.headers, body: parseJson(text) };
  }
}

/**
 * The body as text, refusing more than `limit` bytes. An answer that declares its length (core-api's
 * always do) is checked up front and read in one go; one that does not is counted as it streams.
 */
async function readBody(result: Dispatcher.ResponseData, limit: number): Promise<string> {
  const { body } = result;
  const tooLarge = () =>
    new DownstreamFailure('too_large', `core-api's answer is larger than ${limit} bytes`);
  const declared = Number(result.headers['content-length']);
  if (Number.isInteger(declared) && declared >= 0) {
    if (declared > limit) {
      // Nobody reads this body: without a listener its abort would surface as an unhandled error.
      body.on('error', () => undefined);
      body.destroy();
      throw tooLarge();
    }
    return body.text();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > limit) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON text to a value; anything else (or invalid JSON) stays text for the contract check to refuse. */
function parseJson(text: string): unknown {
  if (text === '') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What went wrong with an attempt that got no answer, from undici's (or the socket's) error. */
function failureOf(error: unknown, signal: AbortSignal): DownstreamFailure {
  if (error instanceof DownstreamFailure) return error;
  const code = codeOf(error);
  if (signal.aborted || (error instanceof Error && error.name === 'AbortError'))
    return new DownstreamFailure('aborted', 'the attempt was aborted', { code, cause: error });
  const kind = code !== undefined && TIMEOUT_CODES.has(code) ? 'timeout' : 'network';
  const message = error instanceof Error ? error.message : 'core-api could not be reached';
  return new DownstreamFailure(kind, message, { code, cause: error });
}

/** The `code` of a socket's or undici's error (`ECONNREFUSED`, `UND_ERR_SOCKET`, …). */
function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : undefined;
}
