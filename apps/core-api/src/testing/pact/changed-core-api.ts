// A changed core-api, for the tests that plant a break: a small HTTP proxy in front of the real
// one that rewrites what a change to core-api would change (an answer's JSON, or a request it
// would now refuse), so a pact is verified against "core-api after the change" without editing it.
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Change {
  /** core-api's own answer to a request it now refuses (a 400 problem), or undefined: forwarded. */
  refuse?(request: {
    method: string;
    url: URL;
    body: unknown;
  }): { status: number; body: object } | undefined;
  /** The JSON core-api now answers `method url` with, from the JSON it answered before. */
  answer?(request: { method: string; url: URL }, body: Record<string, unknown>): unknown;
}

const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export interface ChangedCoreApi {
  url: string;
  close(): Promise<void>;
}

export async function changedCoreApi(target: string, change: Change): Promise<ChangedCoreApi> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await read(req);
      const url = new URL(req.url ?? '/', target);
      const method = req.method ?? 'GET';
      const body = raw.length ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined;
      const refused = change.refuse?.({ method, url, body });
      if (refused) {
        res.writeHead(refused.status, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify(refused.body));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'content-length'].includes(k)),
      ) as Record<string, string>;
      const upstream = await fetch(url, { method, headers, body: raw.length ? raw : undefined });
      const type = upstream.headers.get('content-type') ?? '';
      let text = await upstream.text();
      if (change.answer && type.startsWith('application/json'))
        text = JSON.stringify(
          change.answer({ method, url }, JSON.parse(text) as Record<string, unknown>),
        );
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!['content-length', 'transfer-encoding', 'connection'].includes(name))
          out[name] = value;
      });
      res.writeHead(upstream.status, out);
      res.end(text);
    })().catch((error: Error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(error.message);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
