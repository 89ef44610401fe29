import { Tree } from '@nx/devkit';
import { BffOptions } from '../options';
import { editIfPresent, readText } from './text';

const PATH = '.github/CODEOWNERS';
const header = (name: string) =>
  `# ${name} (nx g @bff/workspace:bff): the team's backend, its SDK and its delivery.`;

/** The owning team's lines: its app, SDK, document, manifests and workflow (last match wins). */
export function addCodeowners(tree: Tree, o: BffOptions): void {
  const lines = [
    `/apps/${o.name}/`,
    `/${o.sdkRoot}/`,
    `/openapi/${o.name}.json`,
    `/pacts/${o.name}-core-api.json`,
    `/deploy/k8s/${o.name}/`,
    `/.github/workflows/${o.name}.yml`,
  ];
  const width = Math.max(35, ...lines.map((l) => l.length + 1));
  const block = [header(o.name), ...lines.map((l) => `${l.padEnd(width)} ${o.owner}`)].join('\n');
  const text = readText(tree, PATH).replace(/\n*$/, '\n');
  tree.write(PATH, `${text}\n${block}\n`);
}

export function removeCodeowners(tree: Tree, name: string, sdkRoot: string): void {
  const owned = [
    `/apps/${name}/`,
    `/${sdkRoot}/`,
    `/openapi/${name}.json`,
    `/pacts/${name}-core-api.json`,
    `/deploy/k8s/${name}/`,
    `/.github/workflows/${name}.yml`,
  ];
  editIfPresent(tree, PATH, (text) =>
    text
      .split('\n')
      .filter((line) => line !== header(name) && !owned.includes(line.split(/\s+/)[0] ?? ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/\n*$/, '\n'),
  );
}
