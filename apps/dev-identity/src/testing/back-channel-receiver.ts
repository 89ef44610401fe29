// A BFF's back-channel logout endpoint, for the provider's specs: a real server on 127.0.0.1 that
// records the body of every `POST /bff/backchannel-logout` it gets into `received`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BackChannelReceiver {
  /** Its origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

export async function listenForBackChannelLogouts(
  received: string[],
): Promise<BackChannelReceiver> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/bff/backchannel-logout') received.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
