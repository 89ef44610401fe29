import type { CoreApiClient } from '../../lib/core-api.client';
import { Matchers as M } from './shape';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One core-api interaction a BFF's core-client operation makes, as its pact records it. */
export interface CoreInteraction {
  /** Unique in the pact: what the BFF asks and in which situation. */
  description: string;
  /** Provider states: what core-api must hold for the answer (core-api's state handlers seed it). */
  states: { name: string; params?: Record<string, Json> }[];
  /** The customer the call is made for (the service token's subject), null: anonymous. */
  onBehalfOf: number | null;
  request: {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    path: string | ReturnType<typeof M.fromProviderState<string>>;
    query?: Record<string, string>;
    headers?: Record<string, unknown>;
    body?: unknown;
  };
  response: { status: number; headers?: Record<string, unknown>; body?: unknown };
  /** The real client operation, as the BFF calls it. */
  call(client: CoreApiClient): Promise<unknown>;
  /** A problem the client must raise with this status and code (the BFF maps it); else success. */
  fails?: { status: number; code: string };
}

/** Any compact JWS: the verifier puts a real service token here (see the pact docs). */
export const BEARER = '^Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The example the pact records for `Authorization`: an unsigned token naming the calling BFF
 * (`iss`) and the customer (`sub`, as ServiceTokenSigner writes it). The verifier reads those two
 * claims and sends a token it signs itself for the same caller and customer.
 */
export function exampleToken(consumer: string, onBehalfOf: number | null): string {
  const sub = onBehalfOf === null ? 'anonymous' : `customer:${onBehalfOf}`;
  return `Bearer ${b64({ alg: 'EdDSA', typ: 'JWT' })}.${b64({ iss: consumer, sub })}.unsigned`;
}
