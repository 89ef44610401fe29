import { formatFiles, getProjects, Tree, updateJson } from '@nx/devkit';
import { BffGeneratorError } from '../bff/options';
import { removeCodeowners } from '../bff/wiring/codeowners';
import { removeFromCompose } from '../bff/wiring/compose';
import { revokeCoreApiAccess } from '../bff/wiring/core-api-access';
import { RemoveBffGeneratorSchema } from './schema';

/** The BFFs the repository is built around: removing one is a change of its own, not a trial. */
const FOUNDING = new Set(['web-bff', 'mobile-bff']);

/**
 * `nx g @bff/workspace:remove-bff <name>`: undoes `nx g @bff/workspace:bff <name>`, so a trial
 * costs nothing. Only a BFF the generator made (its project.json carries `metadata.service` and
 * the scope its name gives) is removed; anything else is refused with one line.
 */
export default async function removeBffGenerator(
  tree: Tree,
  { name }: RemoveBffGeneratorSchema,
): Promise<void> {
  if (FOUNDING.has(name)) {
    throw new BffGeneratorError(
      `${name} is one of the founding BFFs: remove it by hand, on purpose`,
    );
  }
  const project = getProjects(tree).get(name);
  const scope = name.replace(/-bff$/, '');
  if (!project || !name.endsWith('-bff') || !project.tags?.includes(`scope:${scope}`)) {
    throw new BffGeneratorError(
      `${name} is not a BFF of this workspace (no apps/${name} with scope:${scope})`,
    );
  }
  const sdkRoot = `libs/sdk/${scope}`;
  for (const path of [
    `apps/${name}`,
    sdkRoot,
    `deploy/k8s/${name}`,
    `.github/workflows/${name}.yml`,
    `openapi/${name}.json`,
    `pacts/${name}-core-api.json`,
  ]) {
    if (tree.exists(path)) tree.delete(path);
  }
  updateJson(tree, 'tsconfig.base.json', (json) => {
    delete json.compilerOptions.paths[`@bff/${scope}-sdk`];
    return json;
  });
  removeCodeowners(tree, name, sdkRoot);
  removeFromCompose(tree, name);
  revokeCoreApiAccess(tree, name);
  await formatFiles(tree);
}
