import { Logger } from '@nestjs/common';
import { decodeJwt } from 'jose';

/** Where the refusal lines go (Nest's Logger by default; a capture in tests). */
export interface RefusalLog {
  error(message: string): void;
  warn(message: string): void;
  debug(message: object, text: string): void;
}

/** Reasons that mean the caller signs with a key core-api does not trust for it. */
const KEY_REASONS = new Set(['unknown caller', 'bad signature or algorithm']);
const CLOCK_REASONS = /^(expired|claim (iat|nbf|exp) invalid)$/;
/** Callers named in the log: what a service name looks like; anything else is not repeated. */
const CALLER_NAME = /^[a-z][\w.-]{0,39}$/i;
/** Open episodes kept at most (a flood of made-up callers cannot grow the map). */
const MAX_EPISODES = 100;

/** The caller a token claims to be (its issuer, unverified), for the log only. */
export function claimedCaller(token: string | undefined): string | undefined {
  if (!token) return undefined;
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' && CALLER_NAME.test(iss) ? iss : undefined;
  } catch {
    return undefined;
  }
}

/**
 * core-api's log of refused service tokens: one line per caller and reason, naming the fix, when
 * refusals start, and nothing more until that caller gets a token accepted again (every refusal
 * is still logged at debug level with its request id). A key mismatch — the usual result of
 * resetting `.data` while the services run — is an ERROR.
 */
export class TokenRefusals {
  private readonly open = new Map<string, string>();

  constructor(private readonly out: RefusalLog = new Logger('ServiceAuth')) {}

  refused(caller: string | undefined, reason: string, requestId: string): void {
    this.out.debug({ requestId, reason, caller }, 'Service token refused');
    const who = caller ?? '(no caller)';
    if (this.open.get(who) === reason) return;
    if (this.open.size >= MAX_EPISODES) this.open.clear();
    this.open.set(who, reason);
    if (KEY_REASONS.has(reason)) this.out.error(keyMismatch(caller, reason));
    else this.out.warn(otherRefusal(caller, reason));
  }

  accepted(caller: string): void {
    this.open.delete(caller);
  }
}

function keyMismatch(caller: string | undefined, reason: string): string {
  const who = caller ?? 'a caller';
  return (
    `Refused service tokens from ${who} (${reason}): core-api's trusted keys do not match the key ` +
    `${who} signs with — restart all services together (npm start), or set ` +
    `SERVICE_TOKEN_PUBLIC_KEYS to ${who}'s public key. Further refusals are logged at debug level ` +
    `until one of its tokens is accepted.`
  );
}

function otherRefusal(caller: string | undefined, reason: string): string {
  if (reason === 'missing')
    return (
      'Refused a request without a service token: every core-api route except health needs ' +
      '`Authorization: Bearer <service token>` from a BFF. To try core-api by hand in development, ' +
      'mint one with `npx nx run core-api:dev-token` (see the README).'
    );
  const who = caller ?? 'a caller';
  const fix = CLOCK_REASONS.test(reason)
    ? `the clocks of ${who} and core-api disagree — synchronise them (NTP)`
    : `${who} sends tokens core-api cannot use — check that it runs the same release`;
  return `Refused service tokens from ${who} (${reason}): ${fix}. Further refusals are logged at debug level until one is accepted.`;
}
