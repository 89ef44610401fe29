import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { and, eq, lt } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { Database, Transaction } from '../database/database';
import { DATABASE } from '../database/database.module';
import { idempotencyKeys } from '../database/schema';

/** A claim left in flight longer than this (a crashed process) may be taken over. */
export const IN_FLIGHT_TAKEOVER_MS = 60_000;

export interface StoredResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export class IdempotencyKeyReusedProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request.',
    );
  }
}

export class IdempotentRequestInFlightProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.CONFLICT,
      'request_in_flight',
      'A request with this Idempotency-Key is still being processed; retry shortly.',
    );
  }
}

export const fingerprint = (request: unknown): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

/**
 * Runs a request at most once per (customer, Idempotency-Key):
 * same key + same request → the stored answer again; same key + different request → 422;
 * same key while the first is still running → 409. The work and the stored answer commit in one
 * transaction, so an answer is stored exactly when its effects are. A failed request (4xx or
 * error) releases the key, so the client may retry it.
 */
@Injectable()
export class IdempotencyService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async run<T>(
    customerId: number,
    key: string,
    requestHash: string,
    work: (tx: Transaction) => Promise<{ status: number; body: T }>,
  ): Promise<StoredResponse<T>> {
    const replay = await this.claim<T>(customerId, key, requestHash);
    if (replay) return replay;
    const where = and(eq(idempotencyKeys.customerId, customerId), eq(idempotencyKeys.key, key));
    try {
      const result = await this.db.transaction(async (tx) => {
        const done = await work(tx);
        await tx
          .update(idempotencyKeys)
          .set({
            state: 'completed',
            responseStatus: done.status,
            responseBody: done.body as object,
          })
          .where(where);
        return done;
      });
      return { ...result, replayed: false };
    } catch (error) {
      await this.db
        .delete(idempotencyKeys)
        .where(and(where, eq(idempotencyKeys.state, 'in_flight')));
      throw error;
    }
  }

  /** Claims the key; returns the stored answer instead when the request already completed. */
  private async claim<T>(
    customerId: number,
    key: string,
    requestHash: string,
  ): Promise<StoredResponse<T> | undefined> {
    const inserted = await this.db
      .insert(idempotencyKeys)
      .values({ customerId, key, requestHash, state: 'in_flight' })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) return undefined;

    const where = and(eq(idempotencyKeys.customerId, customerId), eq(idempotencyKeys.key, key));
    const [existing] = await this.db.select().from(idempotencyKeys).where(where);
    if (!existing) return this.claim(customerId, key, requestHash); // released meanwhile: try again
    if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedProblem();
    if (existing.state === 'completed') {
      return {
        status: existing.responseStatus ?? 200,
        body: existing.responseBody as T,
        replayed: true,
      };
    }
    const stale = new Date(Date.now() - IN_FLIGHT_TAKEOVER_MS);
    const taken = await this.db
      .update(idempotencyKeys)
      .set({ createdAt: new Date() })
      .where(
        and(where, eq(idempotencyKeys.state, 'in_flight'), lt(idempotencyKeys.createdAt, stale)),
      )
      .returning({ key: idempotencyKeys.key });
    if (taken.length) return undefined;
    throw new IdempotentRequestInFlightProblem();
  }
}
