import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accept a caller's id only when it is short and plain, so it cannot forge log lines. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Fastify's `genReqId`: reuse a well-formed inbound `X-Request-Id` (so one id follows a request
 * from the browser through the BFF to core-api), otherwise make a new UUID. The id is also set on
 * the raw request, where pino-http picks it up, so logs and problem bodies show the same id.
 */
export function genRequestId(req: IncomingMessage): string {
  const inbound = req.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(inbound) ? inbound[0] : inbound;
  const id = candidate && WELL_FORMED.test(candidate) ? candidate : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}
