// Runs Pact's verifier over one pact file against a core-api, and turns its verdict into a list
// of failures each naming the consumer and the interaction: what core-api's CI prints.
import { Verifier, VerifierOptions } from '@pact-foundation/pact';
import { readFileSync } from 'node:fs';

export type StateHandlers = NonNullable<VerifierOptions['stateHandlers']>;
export type RequestFilter = NonNullable<VerifierOptions['requestFilter']>;

export interface PactTarget {
  providerBaseUrl: string;
  stateHandlers: StateHandlers;
  requestFilter: RequestFilter;
}

interface VerifierResult {
  result?: boolean;
  errors?: { interaction?: string; mismatch?: unknown }[];
}

/** The mismatches the verifier reports, in a line each (its JSON shapes vary by kind). */
function describeMismatch(mismatch: unknown): string {
  const m = mismatch as { type?: string; mismatches?: unknown[]; message?: string };
  if (Array.isArray(m?.mismatches))
    return m.mismatches
      .map((x) => (x as { mismatch?: string; path?: string }).mismatch ?? JSON.stringify(x))
      .join('; ');
  return m?.message ?? JSON.stringify(mismatch);
}

/** What failed, one line per interaction (`consumer: interaction — why`); [] when all passed. */
export async function verifyPact(pactFile: string, target: PactTarget): Promise<string[]> {
  const consumer = (JSON.parse(readFileSync(pactFile, 'utf8')) as { consumer: { name: string } })
    .consumer.name;
  try {
    await new Verifier({
      provider: 'core-api',
      pactUrls: [pactFile],
      logLevel: 'error',
      ...target,
    }).verifyProvider();
    return [];
  } catch (error) {
    let result: VerifierResult;
    try {
      result = JSON.parse((error as Error).message) as VerifierResult;
    } catch {
      return [`${consumer}: the verification did not run: ${(error as Error).message}`];
    }
    const errors = result.errors ?? [];
    if (errors.length === 0)
      return [`${consumer}: verification failed: ${(error as Error).message}`];
    return errors.map(
      (e) => `${consumer}: "${e.interaction ?? '?'}" — ${describeMismatch(e.mismatch)}`,
    );
  }
}
