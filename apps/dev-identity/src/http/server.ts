import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Provider } from 'oidc-provider';
import { interactionRoutes } from './interactions';
import { sendJson } from './respond';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Lets the provider be built once the port, and so the default issuer, is known. */
export interface DevIdentityServer {
  server: Server;
  /** Binds and returns the origin it listens on, e.g. `http://127.0.0.1:3003`. */
  listen(port: number, host: string): Promise<string>;
  serve(provider: Provider, issuer: string): void;
  /** Readiness fails, then the server stops accepting and closes idle connections. */
  close(): Promise<void>;
}

/**
 * A plain Node HTTP server: `/health/live` and `/health/ready` at the root, then everything under
 * the issuer's path (e.g. `/realms/dev`, or the root) goes to the interaction routes or the
 * provider itself, with the path prefix stripped the way Express's mounting does it.
 */
export function createDevIdentityServer(): DevIdentityServer {
  let handler: Handler | undefined;
  let closing = false;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/health/live')
      return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/health/ready') {
      const ready = handler !== undefined && !closing;
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable' });
    }
    // Browsers ask every origin for an icon: none, without an error in their console.
    if (req.method === 'GET' && path === '/favicon.ico') return void res.writeHead(204).end();
    if (!handler) return sendJson(res, 503, { error: 'starting' });
    handler(req, res);
  });
  server.keepAliveTimeout = 5_000;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { address, port: bound } = server.address() as AddressInfo;
          resolve(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`);
        });
      }),
    serve(provider, issuer) {
      const mountPath = new URL(issuer).pathname.replace(/\/$/, '');
      const interactions = interactionRoutes(provider, mountPath);
      const callback = provider.callback();
      handler = (req, res) => {
        const url = req.url ?? '/';
        const path = new URL(url, 'http://localhost').pathname;
        if (mountPath && path !== mountPath && !path.startsWith(`${mountPath}/`)) {
          return sendJson(res, 404, { error: 'not_found' });
        }
        const inner = path.slice(mountPath.length) || '/';
        void interactions(req, res, inner).then((handled) => {
          if (handled) return;
          if (mountPath) {
            (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
            req.url = url.slice(mountPath.length) || '/';
          }
          callback(req, res);
        });
      };
    },
    close: () =>
      new Promise((resolve) => {
        closing = true;
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      }),
  };
}
