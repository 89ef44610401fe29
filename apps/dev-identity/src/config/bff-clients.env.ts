import { z } from 'zod';

/** One more session BFF registered like the web BFF (`SESSION_CLIENTS`). */
export interface SessionClient {
  clientId: string;
  /** Its origins; the first gets the back-channel logout URI. */
  origins: string[];
}

/** Lower case, digits, `.` and `-`: it also names the client's development secret file. */
const CLIENT_ID = /^[a-z0-9][a-z0-9.-]{0,63}$/;
const ORIGIN = /^https?:\/\/[^\s/|,]+$/;

const SESSION_CLIENTS_ERROR =
  'must be a comma-separated list of <clientId>=<origin>|<origin>… (e.g. partner-bff=http://127.0.0.1:3005|http://localhost:3005); a client id is lower-case letters, digits, "." and "-", each origin http:// or https:// with no path';

function parseSessionClient(entry: string): SessionClient | undefined {
  const [clientId, origins, ...rest] = entry.split('=').map((part) => part.trim());
  if (rest.length || !clientId || !origins || !CLIENT_ID.test(clientId)) return undefined;
  const list = origins.split('|').map((origin) => origin.trim().replace(/\/+$/, ''));
  const valid = list.every((origin) => ORIGIN.test(origin) && URL.canParse(origin));
  return valid ? { clientId, origins: list } : undefined;
}

/**
 * `SESSION_CLIENTS`: more confidential session BFFs, e.g. the ones the BFF generator makes
 * (`partner-bff=http://127.0.0.1:3005|http://localhost:3005`). Unset or empty: none.
 */
export const sessionClientsVar = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const parsed = entries.map(parseSessionClient);
    if (parsed.some((client) => client === undefined)) {
      ctx.addIssue({ code: 'custom', message: SESSION_CLIENTS_ERROR });
      return z.NEVER;
    }
    const clients = parsed as SessionClient[];
    const ids = clients.map((client) => client.clientId);
    const twice = ids.find((id, index) => ids.indexOf(id) !== index);
    if (twice !== undefined) {
      ctx.addIssue({ code: 'custom', message: `names the client ${twice} twice` });
      return z.NEVER;
    }
    return clients;
  });

/**
 * `BEARER_AUDIENCES`: more resource servers the native app may ask tokens for, beside
 * MOBILE_AUDIENCE (e.g. `partner-bff`: a generated bearer BFF). Unset or empty: none.
 */
export const bearerAudiencesVar = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine((audiences) => audiences.every((audience) => /^[\x21-\x7e]{1,200}$/.test(audience)), {
    error:
      'must be a comma-separated list of audiences (visible ASCII, no spaces), e.g. partner-bff',
  });
