import { DevServiceKeys, ServiceTokenSigner } from '@bff/platform-auth';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away folder of development service keys, shared by the processes of one suite. */
export function tempKeysDir(): string {
  return mkdtempSync(join(tmpdir(), 'bff-e2e-keys-'));
}

/**
 * Calls core-api directly as a BFF would, with a service token signed by `caller`'s dev key
 * from `keysDir` (the key is created if the BFF has not started yet).
 */
export function coreApiCaller(baseUrl: () => string, keysDir: string, caller = 'web-bff') {
  const tokenFor = serviceTokens(keysDir, caller);
  return async (path: string, init: RequestInit & { customerId?: number | null } = {}) => {
    const { customerId = null, headers, ...rest } = init;
    return fetch(`${baseUrl()}${path}`, {
      ...rest,
      headers: {
        authorization: `Bearer ${await tokenFor(customerId)}`,
        ...(headers as Record<string, string> | undefined),
      },
    });
  };
}

/** A service token `caller` (default web-bff) signs for `customerId`, from `keysDir`'s dev keys. */
export function serviceTokens(keysDir: string, caller = 'web-bff') {
  const signer = new ServiceTokenSigner(
    caller,
    new DevServiceKeys(keysDir).privateKeyFor(caller).key,
  );
  return (customerId: number | null) => signer.tokenFor(customerId);
}
