import axios, {
  AxiosAdapter,
  AxiosError,
  AxiosHeaders,
  AxiosResponse,
  InternalAxiosRequestConfig,
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
    const url = urlOf(config);
    const signals: AbortSignal[] = [];
    if (config.signal) signals.push(config.signal as AbortSignal);
    const timeout =
      config.timeout && config.timeout > 0 ? AbortSignal.timeout(config.timeout) : undefined;
    if (timeout) signals.push(timeout);
    const signal = signals.length ? AbortSignal.any(signals) : undefined;

    let result: Dispatcher.ResponseData;
    try {
      result = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
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
      data = await readBody(result.body, config.maxContentLength ?? -1);
    } catch (error) {
      throw toAxiosError(error, config, timeout);
    }

    const response: AxiosResponse = {
      data,
      status: result.statusCode,
      statusText: STATUS_CODES[result.statusCode] ?? '',
      headers: AxiosHeaders.from(result.headers as Record<string, string>),
      config,
      request: { path: url.pathname + url.search },
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

async function readBody(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
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

/** Characters axios's own query encoding leaves readable (its `buildURL`), so URLs match it. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%20/g, '+');
}

/**
 * The request URL. core-client's calls have scalar params only, which this builds directly — about
 * a tenth of a BFF's CPU went into axios.getUri's config merging (docs/performance.md). Anything
 * else (arrays, objects, a custom serializer, an absolute URL) goes through axios.getUri.
 */
export function urlOf(config: InternalAxiosRequestConfig): URL {
  const params = (config.params ?? {}) as Record<string, unknown>;
  const scalar = Object.values(params).every(
    (v) => v === undefined || v === null || typeof v !== 'object',
  );
  const path = config.url ?? '';
  if (!scalar || config.paramsSerializer || !config.baseURL || /^[a-z][a-z\d+.-]*:/i.test(path)) {
    return new URL(axios.getUri(config));
  }
  const query = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${encodeQueryValue(name)}=${encodeQueryValue(String(value))}`)
    .join('&');
  const base = config.baseURL.replace(/\/+$/, '');
  return new URL(
    `${base}/${path.replace(/^\/+/, '')}${query ? `${path.includes('?') ? '&' : '?'}${query}` : ''}`,
  );
}

function toHeaderRecord(headers: InternalAxiosRequestConfig['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  // core-client hands plain objects; anything axios built is normalised by AxiosHeaders first.
  const source =
    headers instanceof AxiosHeaders
      ? headers.toJSON()
      : ((headers ?? {}) as Record<string, unknown>);
  for (const [name, value] of Object.entries(source)) {
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
  return new AxiosError(err.message ?? 'network error', code, config);
}
