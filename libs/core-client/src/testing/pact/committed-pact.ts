// A BFF's pact is committed (pacts/<consumer>-core-api.json): core-api verifies that file, today's
// and the one at the BFF's last release. The consumer test records into a temporary folder and
// holds the committed file to what it recorded, so a pact nobody regenerated fails the BFF's test.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PACTS_DIR = join(__dirname, '..', '..', '..', '..', '..', 'pacts');

export const pactFileName = (consumer: string, provider = 'core-api') =>
  `${consumer}-${provider}.json`;

interface PactFile {
  metadata?: Record<string, unknown>;
  interactions?: { description?: string }[];
  [member: string]: unknown;
}

/**
 * What the comparison reads: everything but the Pact library's own versions in `metadata`
 * (which change with an upgrade, not with the contract), interactions in description order.
 */
export function comparable(pact: PactFile): PactFile {
  const { pactSpecification } = (pact.metadata ?? {}) as { pactSpecification?: unknown };
  const interactions = [...(pact.interactions ?? [])].sort((a, b) =>
    String(a.description).localeCompare(String(b.description)),
  );
  return { ...pact, metadata: { pactSpecification }, interactions };
}

/** The descriptions of interactions that differ between two pacts (added, removed or changed). */
export function changedInteractions(recorded: PactFile, committed: PactFile): string[] {
  const byDescription = (pact: PactFile) =>
    new Map((pact.interactions ?? []).map((i) => [String(i.description), JSON.stringify(i)]));
  const a = byDescription(recorded);
  const b = byDescription(committed);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.flatMap((name) => {
    if (!b.has(name)) return [`added: ${name}`];
    if (!a.has(name)) return [`removed: ${name}`];
    return a.get(name) === b.get(name) ? [] : [`changed: ${name}`];
  });
}

/**
 * Compares the pact just recorded (`recordedFile`) with the committed one and answers what is
 * stale ([] when nothing is). With `update`, writes the recorded pact over the committed one first.
 */
export async function checkCommittedPact(
  recordedFile: string,
  committedFile: string,
  update: boolean,
): Promise<string[]> {
  const recordedText = readFileSync(recordedFile, 'utf8');
  if (update) {
    // Written as the repository's formatter writes JSON, so `prettier --check` passes on it.
    const prettier = await import('prettier');
    const options = await prettier.resolveConfig(committedFile);
    const text = await prettier.format(recordedText, { ...options, filepath: committedFile });
    writeFileSync(committedFile, text);
  }
  if (!existsSync(committedFile)) return [`${committedFile} does not exist`];
  const recorded = comparable(JSON.parse(recordedText) as PactFile);
  const committed = comparable(JSON.parse(readFileSync(committedFile, 'utf8')) as PactFile);
  if (JSON.stringify(recorded) === JSON.stringify(committed)) return [];
  const changed = changedInteractions(recorded, committed);
  return changed.length ? changed : ['the pact differs outside its interactions'];
}
