import { createServer } from 'node:net';

/** Resolves true when nothing listens on host:port (this process could bind it), false otherwise. */
function isFree(port, host) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    // exclusive: a port shared through the cluster module still counts as taken.
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The first service whose port is taken on `host`, or undefined when all are free. A port held
 * on every address (0.0.0.0) also fails a bind on 127.0.0.1, so one check per port is enough.
 */
export async function firstBusyPort(services, host) {
  for (const service of services) {
    if (!(await isFree(service.port, host))) return service;
  }
  return undefined;
}

/** The one line that says which port is in use and how to choose another. */
export function busyPortLine(service) {
  return `Port ${service.port} (${service.name}) is in use: stop what holds it or set ${service.variable}=<another port>.`;
}
