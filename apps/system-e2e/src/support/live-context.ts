import { Exchanged, LiveDocuments, LiveRequest } from './live-exchange';
import { serviceTokens } from './service-tokens';
import { Service, ThreeServices } from './three-services';

/** What a request to one service carries besides the request itself. */
export interface CoreAuth {
  /** The customer the service token names; `null` for none; `false` for no token at all. */
  customer?: number | null | false;
}
export interface WebAuth {
  /** The `Cookie` header; `false` for none (default: the signed-in session of the suite). */
  cookie?: string | false;
  /** Whether the anti-CSRF header goes along (default true). */
  csrf?: boolean;
}
export interface MobileAuth {
  /** The bearer token; `false` for none (default: the signed-in app of the suite). */
  token?: string | false;
  /** `X-App-Version` (default 2.0.0, above any minimum); `false` for none. */
  version?: string | false;
}
type Call<A> = (req: LiveRequest, expected?: number | number[], auth?: A) => Promise<Exchanged>;

/** The suite's way of calling each service, with its usual credentials unless told otherwise. */
export interface LiveContext {
  live: LiveDocuments;
  started: ThreeServices;
  core: Call<CoreAuth>;
  web: Call<WebAuth>;
  mobile: Call<MobileAuth>;
  /** The customer core-api's own cases act as (linked in beforeAll). */
  readonly coreCustomer: number;
}

/** The minimum app version the suite's mobile-bff is started with. */
export const MIN_APP_VERSION = '1.2.0';

export function liveContext(
  started: ThreeServices,
): LiveContext & { setCoreCustomer(id: number): void } {
  const live = new LiveDocuments((service: Service) => started.services[service].url);
  let tokens: ReturnType<typeof serviceTokens> | undefined;
  let coreCustomer = 0;
  const withHeaders = (req: LiveRequest, headers: Record<string, string>): LiveRequest => ({
    ...req,
    headers: { ...headers, ...req.headers },
  });
  return {
    live,
    started,
    get coreCustomer() {
      return coreCustomer;
    },
    setCoreCustomer(id: number) {
      coreCustomer = id;
    },
    async core(req, expected, auth = {}) {
      tokens ??= serviceTokens(started.keysDir);
      const customer = auth.customer === undefined ? coreCustomer : auth.customer;
      const headers: Record<string, string> =
        customer === false ? {} : { authorization: `Bearer ${await tokens(customer)}` };
      return live.call('core-api', withHeaders(req, headers), expected);
    },
    web(req, expected, auth = {}) {
      const cookie = auth.cookie === undefined ? started.webCookie : auth.cookie;
      const headers: Record<string, string> = {
        ...(auth.csrf === false ? {} : { 'x-csrf': '1' }),
        ...(cookie ? { cookie } : {}),
      };
      return live.call('web-bff', withHeaders(req, headers), expected);
    },
    mobile(req, expected, auth = {}) {
      const token = auth.token === undefined ? started.mobileToken : auth.token;
      const version = auth.version === undefined ? '2.0.0' : auth.version;
      const headers: Record<string, string> = {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(version ? { 'x-app-version': version } : {}),
      };
      return live.call('mobile-bff', withHeaders(req, headers), expected);
    },
  };
}
