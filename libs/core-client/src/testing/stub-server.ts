import { generateKeyPairSync } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export type StubHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A stand-in for core-api on 127.0.0.1 (port 0) for fault-injection tests: answer, fail, delay,
 * hang or reset per request, and count what reached it.
 */
export class StubCoreApi {
  readonly hits: string[] = [];
  handler: StubHandler = (_req, res) => json(res, 200, {});
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** Requests that reached the stub whose path starts with `prefix` (all when omitted). */
  count(prefix = ''): number {
    return this.hits.filter((hit) => hit.startsWith(prefix)).length;
  }

  /** Listens on `port` (default a free one); pass the old port to restart where it was. */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.hits.push(req.url ?? '');
      this.handler(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Answers each request with the next of `statuses` (the last one repeats), `body` on 2xx. */
export function sequence(statuses: number[], body: unknown = {}): StubHandler {
  let i = 0;
  return (_req, res) => {
    const status = statuses[Math.min(i++, statuses.length - 1)] ?? 200;
    json(res, status, status < 400 ? body : { status, code: 'stub_failure' });
  };
}

/** An Ed25519 key for signing service tokens in tests. */
export const testServiceKey = () => generateKeyPairSync('ed25519').privateKey;
