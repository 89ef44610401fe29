import { Tree } from '@nx/devkit';
import { BffOptions } from '../options';
import { editIfPresent, escapeRegExp, readText } from './text';
import { BffGeneratorError } from '../options';

const POLICY = 'deploy/k8s/core-api/base/networkpolicy.yaml';
const selector = (name: string) =>
  `        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: ${name}\n`;
/** Every BFF's entry in core-api's ingress `from` list. */
const BFF_SELECTORS =
  /(?: {8}- podSelector:\n {12}matchLabels:\n {14}app\.kubernetes\.io\/name: [a-z0-9-]+-bff\n)+/;

/** core-api's network policy admits the new BFF's pods, beside the others. */
export function allowCoreApiAccess(tree: Tree, o: BffOptions): void {
  const text = readText(tree, POLICY);
  const match = BFF_SELECTORS.exec(text);
  if (!match)
    throw new BffGeneratorError(`${POLICY} lists no BFF in its ingress: add ${o.name} by hand`);
  const end = match.index + match[0].length;
  tree.write(POLICY, text.slice(0, end) + selector(o.name) + text.slice(end));
}

export function revokeCoreApiAccess(tree: Tree, name: string): void {
  editIfPresent(tree, POLICY, (text) => text.replace(new RegExp(escapeRegExp(selector(name))), ''));
}
