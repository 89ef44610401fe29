import { Tree } from '@nx/devkit';
import { BffGeneratorError } from '../options';

/** A file the wiring edits, read from the tree; a missing one is a refusal naming it. */
export function readText(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null)
    throw new BffGeneratorError(`${path} is missing: the generator wires the new BFF into it`);
  return text;
}

/** Inserts `block` before the first match of `anchor`, or refuses naming the file and anchor. */
export function insertBefore(tree: Tree, path: string, anchor: RegExp, block: string): void {
  const text = readText(tree, path);
  const match = anchor.exec(text);
  if (!match)
    throw new BffGeneratorError(
      `${path} no longer has ${anchor}: wire the BFF by hand or restore it`,
    );
  tree.write(path, text.slice(0, match.index) + block + text.slice(match.index));
}

/** Applies `edit` to the file's text when the file exists (removal tolerates what is gone). */
export function editIfPresent(tree: Tree, path: string, edit: (text: string) => string): void {
  const text = tree.read(path, 'utf-8');
  if (text !== null) tree.write(path, edit(text));
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
