import { Tree, updateJson } from '@nx/devkit';
import { BffOptions } from '../options';
import { editIfPresent, escapeRegExp, readText } from './text';
import { BffGeneratorError } from '../options';

const ESLINT = 'eslint.config.mjs';
const BFF_SCOPES = /(const BFF_SCOPES = \[)([^\]]*)(\];)/;

/** The lists the workspace keeps by name: lint's BFF scopes and the independently released apps. */
export function addToWorkspaceLists(tree: Tree, o: BffOptions): void {
  const eslint = readText(tree, ESLINT);
  if (!BFF_SCOPES.test(eslint)) {
    throw new BffGeneratorError(`${ESLINT} has no \`const BFF_SCOPES = [...]\`: add scope:${o.scope} by hand`);
  }
  tree.write(
    ESLINT,
    eslint.replace(BFF_SCOPES, (_m, open: string, list: string, close: string) => `${open}${list.trimEnd()}, '${o.scope}'${close}`),
  );
  updateJson(tree, 'nx.json', (json) => {
    const projects = json.release?.projects;
    if (Array.isArray(projects) && !projects.includes(o.name)) projects.push(o.name);
    return json;
  });
}

export function removeFromWorkspaceLists(tree: Tree, name: string, scope: string): void {
  editIfPresent(tree, ESLINT, (text) =>
    text.replace(BFF_SCOPES, (_m, open: string, list: string, close: string) =>
      `${open}${list.replace(new RegExp(`,\\s*'${escapeRegExp(scope)}'`), '')}${close}`,
    ),
  );
  if (tree.exists('nx.json')) {
    updateJson(tree, 'nx.json', (json) => {
      const projects = json.release?.projects;
      if (Array.isArray(projects)) json.release.projects = projects.filter((p: string) => p !== name);
      return json;
    });
  }
}
