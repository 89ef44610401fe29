import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Change } from '../api-diff/change';

/**
 * Breaking changes a team has reviewed and accepted without a breaking release, with the reason
 * beside each: `apps/<app>/api-accepted.json`, in the app's folder so its owners review it.
 *
 * What it is for: a document that starts saying what the server already did (a request format or
 * bound the server always enforced, now declared) reads as a narrowing, yet no deployed client
 * can notice it. Each entry is one exact change line; the file holds for one comparison only
 * (`comparedWith`, the version the gate compares with), so after the next release it no longer
 * applies and the gate says to delete it.
 */
export interface AcceptedFile {
  readonly comparedWith: string;
  readonly changes: { readonly change: string; readonly reason: string }[];
}

export const acceptedPath = (app: string): string => `apps/${app}/api-accepted.json`;

/** The line an entry names: `operation: message`, as the gate prints it. */
export const changeLine = (c: Change): string => `${c.operation}: ${c.message}`;

/** The accepted changes that apply to a comparison with `version`, and a note when the file is stale. */
export function readAccepted(
  root: string,
  app: string,
  version: string,
): { reasons: Map<string, string>; note?: string } {
  const file = join(root, acceptedPath(app));
  if (!existsSync(file)) return { reasons: new Map() };
  const accepted = JSON.parse(readFileSync(file, 'utf8')) as AcceptedFile;
  if (accepted.comparedWith !== version)
    return {
      reasons: new Map(),
      note: `${acceptedPath(app)} was for the comparison with ${accepted.comparedWith}, not ${version}: it no longer applies; delete it.`,
    };
  return { reasons: new Map(accepted.changes.map((e) => [e.change, e.reason])) };
}

/** Adds `changes` to the app's accepted file for the comparison with `version`, with `reason`. */
export function accept(
  root: string,
  app: string,
  version: string,
  changes: Change[],
  reason: string,
): void {
  const { reasons } = readAccepted(root, app, version);
  for (const c of changes) reasons.set(changeLine(c), reason);
  const file: AcceptedFile = {
    comparedWith: version,
    changes: [...reasons].map(([change, why]) => ({ change, reason: why })),
  };
  writeFileSync(join(root, acceptedPath(app)), `${JSON.stringify(file, null, 2)}\n`);
}
