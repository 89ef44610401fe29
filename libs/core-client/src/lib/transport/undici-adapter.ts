import axios, {
  AxiosAdapter,
  AxiosError,
  AxiosHeaders,
  AxiosResponse,
  InternalAxiosRequestConfig,
  RawAxiosResponseHeaders,
} from 'axios';
import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';

/**
 * An axios adapter that sends requests through an undici dispatcher (a keep-alive `Pool` or
 * `Agent`), so `@nestjs/axios`'s HttpService keeps its Nest-facing API while the bytes move on
 * undici instead of axios's Node http adapter (about 4× slower on a fan-out; see
 * docs/adr/0003-core-client-transport.md).
 *
 * Honours `baseURL`, `params`, `headers`, `data`, `timeout` (whole request, including the body),
 * `signal`, `maxContentLength` and `validateStatus`; failures are AxiosErrors with the same codes
 * axios's own adapters use, so callers cannot tell the difference.
 */
export function undiciAdapter(dispatcher: Dispatcher): AxiosAdapter {
  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    const { origin, path } = targetOf(config);
    const timeout =
      config.timeout && config.timeout > 0 ? AbortSignal.timeout(config.timeout) : undefined;
    const caller = config.signal as AbortSignal | undefined;
    // One signal is used as it is; only two need combining.
    const signal = caller && timeout ? AbortSignal.any([caller, timeout]) : (caller ?? timeout);

    let result: Dispatcher.ResponseData;
    try {
      result = await dispatcher.request({
        origin,
        path,
        method: (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod,
        headers: toHeaderRecord(config.headers),
        body: (config.data as string | Buffer | undefined) ?? null,
        signal,
      });
    } catch (error) {
      throw toAxiosError(error, config, timeout);
    }

    let data: string;
    try {
      data = await readBody(result, config.maxContentLength ?? -1);
    } catch (error) {
      throw toAxiosError(error, config, timeout);
    }

    const response: AxiosResponse = {
      data,
      status: result.statusCode,
      statusText: STATUS_CODES[result.statusCode] ?? '',
      // Plain, as undici gives them (lower-case names): axios's own pipeline wraps them in
      // AxiosHeaders after any adapter, and core-client's direct path only reads `retry-after`.
      headers: result.headers as RawAxiosResponseHeaders,
      config,
      request: { path },
    };
    if (!config.validateStatus || config.validateStatus(result.statusCode)) return response;
    throw new AxiosError(
      `Request failed with status code ${result.statusCode}`,
      result.statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      response.request,
      response,
    );
  };
}

class BodyTooLargeError extends Error {}

/**
 * The body as text, refusing more than `limit` bytes. An answer that declares its length (core-api's
 * always do) is checked up front and read in one go; one that does not is counted as it streams.
 */
async function readBody(result: Dispatcher.ResponseData, limit: number): Promise<string> {
  const { body } = result;
  const declared = Number(result.headers['content-length']);
  if (Number.isInteger(declared) && declared >= 0) {
    if (limit > -1 && declared > limit) {
      // Nobody reads this body: without a listener its abort would surface as an unhandled error.
      body.on('error', () => undefined);
      body.destroy();
      throw new BodyTooLargeError(`maxContentLength size of ${limit} exceeded`);
    }
    return body.text();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (limit > -1 && size > limit) {
      body.destroy();
      throw new BodyTooLargeError(`maxContentLength size of ${limit} exceeded`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What encodeURIComponent leaves as it is and no later step rewrites. */
const UNRESERVED = /^[\w.~-]*$/;

/**
 * axios's query encoding (its `buildURL`), then what a WHATWG URL would still escape in a query
 * (`'`), so the bytes sent are those `new URL(axios.getUri(config))` gives.
 */
function encodeQueryValue(value: string): string {
  // Ids, limits and cursors: nothing to escape, and no regex pass needed.
  if (UNRESERVED.test(value)) return value;
  return encodeURIComponent(value)
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%20/g, '+')
    .replace(/'/g, '%27');
}

/** A path of plain segments, which a URL parser would leave exactly as it is: safe characters, no
 * leading `//`, no `.` or `..` segment (checked only when there is a dot at all). */
const PATH_CHARS = /^[\w\-.~/]*$/;
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;
const isPlainPath = (path: string): boolean =>
  path !== '' &&
  PATH_CHARS.test(path) &&
  !path.startsWith('//') &&
  !(path.includes('.') && DOT_SEGMENT.test(path));
const bases = new Map<string, { origin: string; path: string }>();

/**
 * Where a request goes: origin and path with query. core-client's calls have plain paths and
 * scalar params, which this joins as strings, with the base URL parsed once: in the bench, axios's
 * `getUri` (config merging) and a URL parse per call cost about a tenth of a BFF's CPU
 * (docs/performance.md). Anything else — arrays or objects as params, a custom serializer, an
 * absolute URL, a path a URL parser would rewrite — goes through `axios.getUri` and `new URL`.
 */
export function targetOf(config: InternalAxiosRequestConfig): { origin: string; path: string } {
  const path = config.url ?? '';
  const query =
    config.baseURL && !config.paramsSerializer && isPlainPath(path)
      ? scalarQuery(config.params)
      : undefined;
  if (query === undefined) {
    const url = new URL(axios.getUri(config));
    return { origin: url.origin, path: url.pathname + url.search };
  }
  const base = baseOf(config.baseURL as string);
  return {
    origin: base.origin,
    path: `${base.path}/${path.startsWith('/') ? path.replace(/^\/+/, '') : path}${query ? `?${query}` : ''}`,
  };
}

/**
 * The query string of a plain object of scalar params (undefined and null left out); undefined for
 * anything else (an array or object value, URLSearchParams), which axios's own encoding handles.
 */
function scalarQuery(params: unknown): string | undefined {
  let query = '';
  if (!params) return query;
  const proto = Object.getPrototypeOf(params) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') return undefined;
    query += `${query ? '&' : ''}${encodeQueryValue(name)}=${encodeQueryValue(String(value))}`;
  }
  return query;
}

function baseOf(baseURL: string): { origin: string; path: string } {
  let base = bases.get(baseURL);
  if (!base) {
    const url = new URL(baseURL);
    base = { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
    bases.set(baseURL, base);
  }
  return base;
}

function toHeaderRecord(headers: InternalAxiosRequestConfig['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  // core-client hands plain objects; anything axios built is normalised by AxiosHeaders first.
  const source =
    headers instanceof AxiosHeaders
      ? headers.toJSON()
      : ((headers ?? {}) as Record<string, unknown>);
  for (const name in source) {
    const value = source[name];
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function toAxiosError(
  error: unknown,
  config: InternalAxiosRequestConfig,
  timeout?: AbortSignal,
): AxiosError {
  if (error instanceof AxiosError) return error;
  if (error instanceof BodyTooLargeError)
    return new AxiosError(error.message, AxiosError.ERR_BAD_RESPONSE, config);
  if (timeout?.aborted) {
    return new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ETIMEDOUT, config);
  }
  const err = error as { name?: string; code?: string; message?: string };
  if (err.name === 'AbortError' || config.signal?.aborted) {
    return new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
  }
  const code = err.code && !err.code.startsWith('UND_ERR') ? err.code : AxiosError.ERR_NETWORK;
  const mapped = new AxiosError(err.message ?? 'network error', code, config);
  // undici's own error (its code, e.g. UND_ERR_CONNECT_TIMEOUT, and its cause) stays readable.
  mapped.cause = error as Error;
  return mapped;
}
