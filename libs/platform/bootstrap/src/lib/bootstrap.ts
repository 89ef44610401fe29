import { Logger } from '@nestjs/common';
import { ConfigError } from '@bff/platform-config';
import { flushCompileCache } from 'node:module';
import { adminPortOf, AdminPort, separateOperations } from './admin-port';
import { createApp, CreateAppOptions } from './create-app';
import { writeOpenApi } from './openapi';
import { installShutdown } from './shutdown';

export interface ServiceEnvLike {
  PORT: number;
  HOST: string;
  SHUTDOWN_DRAIN_MS: number;
  DOCS_ENABLED: boolean;
  TRUST_PROXY?: boolean | number | string[];
  NODE_ENV?: string;
  /** Serve the operational endpoints on this port only (see `separateOperations`). */
  ADMIN_PORT?: number;
}

export interface BootstrapOptions<E extends ServiceEnvLike> {
  /** Service name, used in logs and the start-up line. */
  name: string;
  /** The tracing started by the app's instrument.ts; flushed on shutdown. */
  tracing?: { exporters: string[]; shutdown(): Promise<void> };
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
export async function bootstrap<E extends ServiceEnvLike>(
  options: BootstrapOptions<E>,
): Promise<void> {
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

  const appOptions = options.app(env);
  const adminPort = adminPortOf(env);
  let admin: AdminPort | undefined;
  const app = await createApp({
    docs: env.DOCS_ENABLED,
    trustProxy: env.TRUST_PROXY,
    ...appOptions,
    configure: async (created) => {
      if (adminPort !== undefined) admin = separateOperations(created);
      await appOptions.configure?.(created);
    },
  });
  const openApiOut = process.argv
    .find((arg) => arg.startsWith('--openapi='))
    ?.slice('--openapi='.length);
  if (openApiOut) {
    await app.init();
    writeOpenApi(app, openApiOut);
    await app.close();
    return;
  }

  installShutdown(app, { drainMs: env.SHUTDOWN_DRAIN_MS, afterClose: options.tracing?.shutdown });
  await app.listen({ port: env.PORT, host: env.HOST });
  const url = await app.getUrl();
  const adminUrl =
    admin && adminPort !== undefined ? await admin.listen(adminPort, env.HOST) : undefined;
  // Everything start-up loads is compiled by now: write the compile cache (node-check turned it
  // on) at once rather than at exit, which a killed process never reaches.
  flushCompileCache();
  const shown = (u: string) =>
    u.replace('://[::1]', '://localhost').replace('://127.0.0.1', '://localhost');
  const operations = shown(adminUrl ?? url);
  const tracing = options.tracing ? options.tracing.exporters.join(', ') : 'off';
  const where = adminUrl ? `; health, metrics and docs on ${operations}` : '';
  new Logger(options.name).log(
    { url, ...(adminUrl && { adminUrl }), docs: `${operations}/docs`, tracing },
    `${options.name} listening on ${shown(url)}${where} (docs: ${operations}/docs; trace export: ${tracing})`,
  );
}

/** Runs `bootstrap()` and turns a start-up failure into a logged line and exit code 1. */
export function run<E extends ServiceEnvLike>(options: BootstrapOptions<E>): void {
  bootstrap(options).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${options.name}: failed to start: ${message}\n`);
    process.exit(1);
  });
}
