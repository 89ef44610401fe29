// The pacts of each BFF's last release (its highest `<bff>@x.y.z` tag, or before its first
// release the merge base with main): production runs those BFFs beside the next core-api, so
// core-api verifies them as well as the current ones.
import { fileAt, lastReleaseRef, ReleaseRef } from '@bff/platform-release/testing';

export const BFFS = ['web-bff', 'mobile-bff'] as const;

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

export function releasedPacts(cwd: string, consumers: readonly string[] = BFFS): ReleasedPact[] {
  return consumers.map((consumer) => {
    const release = lastReleaseRef(consumer, cwd);
    const path = `pacts/${consumer}-core-api.json`;
    const text = fileAt(release.ref, path, cwd);
    const note = text
      ? `${path} at ${where(release)}`
      : `${consumer} had no ${path} at ${where(release)}: nothing released to verify, skipped`;
    return { consumer, release, text, note };
  });
}
