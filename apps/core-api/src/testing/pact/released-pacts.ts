// The pacts of each BFF's last release (its highest `<bff>@x.y.z` tag, or before its first
// release the merge base with main): production runs those BFFs beside the next core-api, so
// core-api verifies them as well as the current ones. The consumers are the BFFs with a pact in the
// checkout's pacts/ folder, named by the file (pacts/<consumer>-core-api.json): a new BFF's pact
// is verified, now and at its releases, without a list to update here.
import { fileAt, lastReleaseRef, ReleaseRef } from '@bff/platform-release/testing';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const PACT_FILE = /^(.+)-core-api\.json$/;

/** The consumers with a pact with core-api in `cwd`'s pacts/ folder, by name. */
export function pactConsumers(cwd: string): string[] {
  return readdirSync(join(cwd, 'pacts'))
    .map((file) => PACT_FILE.exec(file)?.[1])
    .filter((consumer): consumer is string => consumer !== undefined)
    .sort();
}

/** Where a consumer's pact with core-api is committed. */
export const pactPath = (consumer: string) => `pacts/${consumer}-core-api.json`;

export interface ReleasedPact {
  consumer: string;
  release: ReleaseRef;
  /** The pact file's text at that revision; undefined when the BFF had none there. */
  text?: string;
  /** What is verified, or why nothing is, for the test's name and log. */
  note: string;
}

const where = (release: ReleaseRef) =>
  release.kind === 'release'
    ? `its release ${release.ref}`
    : `the merge base with main ${release.ref.slice(0, 12)} (no release yet)`;

export function releasedPacts(
  cwd: string,
  consumers: readonly string[] = pactConsumers(cwd),
): ReleasedPact[] {
  return consumers.map((consumer) => {
    const release = lastReleaseRef(consumer, cwd);
    const path = pactPath(consumer);
    const text = fileAt(release.ref, path, cwd);
    const note = text
      ? `${path} at ${where(release)}`
      : `${consumer} had no ${path} at ${where(release)}: nothing released to verify, skipped`;
    return { consumer, release, text, note };
  });
}
