import { Logger } from '@nestjs/common';
import { ConfigError } from '@bff/platform-config';
import { createApp, CreateAppOptions } from './create-app';
import { writeOpenApi } from './openapi';

export interface BootstrapOptions<E extends { PORT: number; HOST: string }> {
  /** Service name, used in logs and the start-up line. */
  name: string;
  /** Validates the environment; throw `ConfigError` to stop with one clear line. */
  loadEnv: () => E;
  app: (env: E) => CreateAppOptions;
}

/**
 * The whole of a service's `main.ts`: validate the environment, build the app, listen.
 *
 * `--openapi=<file>` writes the OpenAPI document to a file and exits without listening;
 * the `openapi` Nx target uses it to produce the committed `openapi/<app>.json`.
 */
export async function bootstrap<E extends { PORT: number; HOST: string }>(options: BootstrapOptions<E>): Promise<void> {
  let env: E;
  try {
    env = options.loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${options.name}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const app = await createApp(options.app(env));
  const openApiOut = process.argv.find((arg) => arg.startsWith('--openapi='))?.slice('--openapi='.length);
  if (openApiOut) {
    await app.init();
    writeOpenApi(app, openApiOut);
    await app.close();
    return;
  }

  await app.listen({ port: env.PORT, host: env.HOST });
  const url = await app.getUrl();
  const publicUrl = url.replace('://[::1]', '://localhost').replace('://127.0.0.1', '://localhost');
  new Logger(options.name).log({ url, docs: `${publicUrl}/docs` }, `${options.name} listening on ${publicUrl} (docs: ${publicUrl}/docs)`);
}

/** Runs `bootstrap()` and turns a start-up failure into a logged line and exit code 1. */
export function run<E extends { PORT: number; HOST: string }>(options: BootstrapOptions<E>): void {
  bootstrap(options).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${options.name}: failed to start: ${message}\n`);
    process.exit(1);
  });
}
