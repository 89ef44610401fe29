import { Logger } from '@nestjs/common';
import { CallerKeyLookup, DevServiceKeys } from '@bff/platform-auth';
import { KeyObject } from 'node:crypto';
import { CoreApiEnv } from '../config/env';

/**
 * Where core-api finds the public keys of its callers: the configured list, or — outside
 * production, when none is configured — the BFFs' generated development keys, re-read when an
 * unknown caller shows up (at most once a second) so start-up order does not matter.
 */
export function callerKeyLookup(env: CoreApiEnv): CallerKeyLookup {
  const configured = env.SERVICE_TOKEN_PUBLIC_KEYS;
  if (configured) return (caller) => configured.get(caller);

  const logger = new Logger('ServiceAuth');
  const dev = new DevServiceKeys(env.SERVICE_KEYS_DIR);
  logger.warn(
    `No SERVICE_TOKEN_PUBLIC_KEYS configured: trusting development keys in ${dev.dir} (never in production)`,
  );
  let keys = new Map<string, KeyObject>();
  let readAt = 0;
  return (caller) => {
    if (!keys.has(caller) && Date.now() - readAt > 1000) {
      keys = dev.publicKeys();
      readAt = Date.now();
    }
    return keys.get(caller);
  };
}
