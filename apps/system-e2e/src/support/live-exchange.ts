import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes';
import { LiveAnswer, OpenApiDocument, StrictDocument } from './strict-document';
import type { Service } from './three-services';

/** A request as a test writes it: path with its query, headers, and a body (JSON unless text). */
export interface LiveRequest {
  method: string;
  /** Path and query, e.g. `/v2/screens/home?dpr=2`. */
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as it is (set its content-type yourself). */
  body?: unknown;
  /** The local address to send from: another client for the rate limit (default 127.0.0.1). */
  from?: string;
}

export interface Exchanged extends LiveAnswer {
  // The body has passed its document's schema by the time a test reads it: the test reads the
  // members it expects (`.items[0].slug`), as a generated client's type would let it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: () => any;
}

/** Sends `req` to `baseUrl` over node:http: no header or content coding added, every header line kept. */
export function sendRaw(baseUrl: string, req: LiveRequest): Promise<Exchanged> {
  const body =
    req.body === undefined
      ? undefined
      : typeof req.body === 'string' || Buffer.isBuffer(req.body)
        ? req.body
        : JSON.stringify(req.body);
  const headers: Record<string, string> = {
    ...(body !== undefined && !(typeof req.body === 'string' || Buffer.isBuffer(req.body))
      ? { 'content-type': 'application/json' }
      : {}),
    ...req.headers,
  };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${baseUrl}${req.path}`,
      { method: req.method, headers, localAddress: req.from },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const pairs: Array<[string, string]> = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            pairs.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '']);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            method: req.method,
            path: req.path.split('?')[0] ?? req.path,
            status: res.statusCode ?? 0,
            headers: pairs,
            body: text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export const documentOf = (service: Service): StrictDocument =>
  new StrictDocument(
    JSON.parse(readFileSync(join(ROOT, 'openapi', `${service}.json`), 'utf8')) as OpenApiDocument,
  );

/** What one service's answers showed: per operation, the statuses seen, and one request that succeeded. */
export interface Ledger {
  statuses: Map<string, Set<number>>;
  successes: Map<string, LiveRequest>;
  answers: number;
}

/**
 * Sends requests to the live services and holds every answer to its service's committed document
 * (StrictDocument): an answer the document does not declare fails the test that got it, with
 * every difference listed. Keeps a ledger of what each operation answered.
 */
export class LiveDocuments {
  readonly documents = {
    'core-api': documentOf('core-api'),
    'web-bff': documentOf('web-bff'),
    'mobile-bff': documentOf('mobile-bff'),
  } satisfies Record<Service, StrictDocument>;
  readonly ledgers = Object.fromEntries(
    (['core-api', 'web-bff', 'mobile-bff'] as Service[]).map((s) => [
      s,
      { statuses: new Map(), successes: new Map(), answers: 0 },
    ]),
  ) as Record<Service, Ledger>;

  /**
   * With LIVE_DOCUMENTS_SURVEY=1, mismatches are collected here instead of failing the test that
   * met them, so one run lists every difference (the suite then fails at its end).
   */
  readonly survey: string[] | undefined = process.env['LIVE_DOCUMENTS_SURVEY'] ? [] : undefined;

  constructor(private readonly urlOf: (service: Service) => string) {}

  /** Sends `req`, checks the answer against the document, and that its status is `expected`. */
  async call(service: Service, req: LiveRequest, expected?: number | number[]): Promise<Exchanged> {
    const answer = await sendRaw(this.urlOf(service), req);
    const problems = this.documents[service].problemsWith(answer);
    const operation = this.documents[service].operationOf(req.method, answer.path);
    const shown = `${service} ${req.method} ${req.path} → ${answer.status}`;
    if (problems.length > 0 && this.survey)
      this.survey.push(...problems.map((p) => `${service} ${p}`));
    else if (problems.length > 0)
      throw new Error(
        `${shown} is not what the document says:\n  ${problems.join('\n  ')}\n${answer.body.slice(0, 400)}`,
      );
    const wanted = expected === undefined ? undefined : [expected].flat();
    if (wanted && !wanted.includes(answer.status) && this.survey)
      this.survey.push(`${shown}, expected ${wanted.join(' or ')}: ${answer.body.slice(0, 200)}`);
    else if (wanted && !wanted.includes(answer.status))
      throw new Error(`${shown}, expected ${wanted.join(' or ')}: ${answer.body.slice(0, 400)}`);
    if (operation) {
      const ledger = this.ledgers[service];
      ledger.answers += 1;
      let seen = ledger.statuses.get(operation);
      if (!seen) ledger.statuses.set(operation, (seen = new Set()));
      seen.add(answer.status);
      // A success: 2xx, or a redirect the operation answers by design (not a 304 revalidation).
      if (answer.status < 400 && answer.status !== 304 && !ledger.successes.has(operation))
        ledger.successes.set(operation, req);
    }
    return answer;
  }
}
