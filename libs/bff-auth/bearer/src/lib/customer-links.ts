import { Inject, Injectable } from '@nestjs/common';
import { CoreApiClient } from '@bff/core-client';
import { STATE_STORE, StateStore } from '@bff/platform-state';
import { createHash } from 'node:crypto';
import { TokenIdentity } from './access-token-verifier';
import { EmailClaimRequiredProblem } from './bearer-auth.problems';
import { BEARER_AUTH_OPTIONS, BearerAuthOptions, CUSTOMER_LINK_TTL_MS } from './bearer-options';

/** The state key of one provider subject: hashed, so keys have one length and no odd characters. */
const keyOf = ({ issuer, subject }: TokenIdentity): string =>
  `oidc-customer:${createHash('sha256').update(issuer).update('\0').update(subject).digest('base64url')}`;

/**
 * The core-api customer a provider subject is: asked once (`core.linkCustomer`, which finds the
 * customer by subject, links a verified e-mail address to it, or creates it) and kept in the
 * state store per issuer + subject for CUSTOMER_LINK_TTL_MS, so a customer costs one core-api call
 * every few minutes, not one per request, on every replica. Concurrent first requests of one
 * subject in this process share one call.
 */
@Injectable()
export class CustomerLinks {
  private readonly pending = new Map<string, Promise<number>>();

  constructor(
    private readonly core: CoreApiClient,
    @Inject(STATE_STORE) private readonly store: StateStore,
    @Inject(BEARER_AUTH_OPTIONS) private readonly options: BearerAuthOptions,
  ) {}

  async customerIdOf(identity: TokenIdentity): Promise<number> {
    const key = keyOf(identity);
    const cached = await this.store.get<number>(key);
    if (typeof cached === 'number') return cached;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.link(key, identity).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async link(key: string, identity: TokenIdentity): Promise<number> {
    const { subject, email, name, emailVerified } = identity;
    if (!email) throw new EmailClaimRequiredProblem(this.options.service);
    const customer = await this.core.linkCustomer({
      subject,
      email,
      displayName: name ?? email,
      emailVerified,
    });
    await this.store.set(key, customer.id, CUSTOMER_LINK_TTL_MS);
    return customer.id;
  }
}
