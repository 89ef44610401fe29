// A plain HTTP proxy on 127.0.0.1 in front of the development provider, for the identity specs:
// it counts what mobile-bff asks the provider (how many JWKS fetches a flood of unknown keys
// causes) and gives the provider a second address, i.e. another issuer URL. Never imported by
// production code.
import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export class CountingProxy {
  private server?: Server;
  /** Where requests go, e.g. the provider's listen URL; set once it is known. */
  target?: string;
  /** Every path asked, in order (query included). */
  readonly paths: string[] = [];

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The proxy is not running');
    return `http://127.0.0.1:${address.port}`;
  }

  /** How many requests asked for a path containing `fragment`. */
  count(fragment: string): number {
    return this.paths.filter((path) => path.includes(fragment)).length;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.paths.push(req.url ?? '');
      if (!this.target) return void res.writeHead(502).end();
      const target = new URL(req.url ?? '/', this.target);
      const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
