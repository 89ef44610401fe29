import type { EventEmitter } from 'node:events';
import type { KoaContextWithOIDC, Provider } from 'oidc-provider';
import { log } from '../log';

/** Events that take `(ctx)` and mean something happened. */
const SUCCESSES = [
  'authorization.success',
  'grant.success',
  'end_session.success',
  'interaction.started',
  'interaction.ended',
] as const;

/** Events that take `(ctx, error)`: a handled error at an endpoint. */
const ERRORS = [
  'authorization.error',
  'grant.error',
  'end_session.error',
  'end_session_confirm.error',
  'revocation.error',
  'userinfo.error',
  'jwks.error',
  'discovery.error',
] as const;

interface OidcError {
  error?: string;
  error_description?: string;
  message?: string;
}

/** Who and what a request was about, from the provider's context. */
function about(ctx: KoaContextWithOIDC | undefined) {
  const grantType = ctx?.oidc?.params?.['grant_type'];
  return {
    clientId: ctx?.oidc?.client?.clientId,
    ...(typeof grantType === 'string' ? { grantType } : {}),
  };
}

const problem = (error: OidcError) => ({
  error: error.error ?? 'server_error',
  description: error.error_description ?? error.message,
});

/**
 * One JSON line per provider event (`{"msg":"oidc event","event":"grant.success",…}`), so a test
 * can count, say, the refreshes that reached the provider. Never logs a token.
 */
export function logProviderEvents(provider: Provider): void {
  // The typings overload `on` per event name; a loop over names needs the plain emitter.
  const emitter = provider as unknown as EventEmitter;
  for (const event of SUCCESSES) {
    emitter.on(event, (ctx: KoaContextWithOIDC) =>
      log('info', 'oidc event', { event, ...about(ctx) }),
    );
  }
  for (const event of ERRORS) {
    emitter.on(event, (ctx: KoaContextWithOIDC, error: OidcError) =>
      log('warn', 'oidc event', { event, ...about(ctx), ...problem(error) }),
    );
  }
  provider.on('grant.revoked', (ctx: KoaContextWithOIDC, grantId: string) =>
    log('info', 'oidc event', { event: 'grant.revoked', ...about(ctx), grantId }),
  );
  provider.on('backchannel.success', (_ctx, client, accountId, sid) =>
    log('info', 'oidc event', {
      event: 'backchannel.success',
      clientId: client.clientId,
      sub: accountId,
      sid,
    }),
  );
  provider.on('backchannel.error', (_ctx, error: OidcError, client, accountId, sid) =>
    log('warn', 'oidc event', {
      event: 'backchannel.error',
      clientId: client.clientId,
      sub: accountId,
      sid,
      ...problem(error),
    }),
  );
  provider.on('server_error', (ctx: KoaContextWithOIDC, error: Error) =>
    log('error', 'oidc event', {
      event: 'server_error',
      ...about(ctx),
      error: error.message,
      stack: error.stack,
    }),
  );
}
