import { HttpService } from '@nestjs/axios';
import { outgoingTraceHeaders } from '@bff/platform-tracing';
import { AxiosAdapter, AxiosError, AxiosRequestConfig, InternalAxiosRequestConfig } from 'axios';
import type { CoreApiWatch } from '../watch/core-api-watch';

/**
 * Sends one attempt of a core-api call and answers its parsed JSON body. When the HttpService runs
 * on core-client's undici adapter (always, from CoreClientModule), the adapter is called directly:
 * axios's own pipeline (config merging, header objects, transforms) costs ~3× plain undici's CPU
 * per call (`npm run bench:transport`, docs/adr/0003-core-client-transport.md). Any other adapter
 * goes through axios as usual. Either way failures are AxiosErrors, so retry, breaker and problem
 * mapping see the same thing. Each attempt's outcome goes to the `watch` (core-api reachable or
 * not, this service's token accepted or not), which logs changes once.
 */
export class CoreTransport {
  constructor(
    private readonly http: HttpService,
    private readonly watch?: CoreApiWatch,
  ) {}

  async send(
    request: AxiosRequestConfig,
    signal: AbortSignal,
    authorization: string,
  ): Promise<unknown> {
    try {
      const answer = await this.attempt(request, signal, authorization);
      this.watch?.answered(SUCCESS);
      return answer;
    } catch (error) {
      this.watch?.failed(error);
      throw error;
    }
  }

  private async attempt(
    request: AxiosRequestConfig,
    signal: AbortSignal,
    authorization: string,
  ): Promise<unknown> {
    const defaults = this.http.axiosRef.defaults;
    const adapter =
      typeof defaults.adapter === 'function' ? (defaults.adapter as AxiosAdapter) : undefined;
    if (!adapter) {
      const headers = {
        ...(request.headers as Record<string, string>),
        ...outgoingTraceHeaders(),
        authorization,
      };
      return (await this.http.axiosRef.request<unknown>({ ...request, signal, headers })).data;
    }
    const body = request.data === undefined ? undefined : JSON.stringify(request.data);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': String(defaults.headers['user-agent'] ?? 'core-client'),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, request.headers, outgoingTraceHeaders());
    // Last, so nothing a caller passes can replace the service token.
    headers['authorization'] = authorization;
    const direct = {
      ...request,
      signal,
      baseURL: request.baseURL ?? defaults.baseURL,
      maxContentLength: request.maxContentLength ?? defaults.maxContentLength,
      data: body,
      // A plain object: the adapter sends it as it is (no AxiosHeaders normalisation per call).
      // traceparent comes from outgoingTraceHeaders() unless the undici instrumentation adds it.
      headers,
      validateStatus: isSuccess,
    } as unknown as InternalAxiosRequestConfig;
    try {
      return parseJson((await adapter(direct)).data);
    } catch (error) {
      if (error instanceof AxiosError && error.response)
        error.response.data = parseJson(error.response.data);
      throw error;
    }
  }
}

const SUCCESS = { status: 200 };
const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** JSON text to a value; anything else (or invalid JSON) stays as it is for the contract check to refuse. */
function parseJson(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
