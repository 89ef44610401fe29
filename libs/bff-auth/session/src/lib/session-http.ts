import fastifyCookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Fastify side of the session, for the BFF's `configure(app)`: parses the Cookie header.
 * Nothing is signed: the session id is random and opaque, and the server keeps the rest.
 */
export async function configureSessionHttp(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie);
}
