import { formatFiles, generateFiles, GeneratorCallback, Tree, updateJson } from '@nx/devkit';
import { join } from 'node:path';
import { makeArtifacts } from './artifacts';
import { BffOptions, normalizeOptions } from './options';
import { BffGeneratorSchema } from './schema';
import { templateText } from './template-text';
import { addCodeowners } from './wiring/codeowners';
import { addToCompose } from './wiring/compose';
import { allowCoreApiAccess } from './wiring/core-api-access';
import { readText } from './wiring/text';

const FILES = join(__dirname, 'files');

/** The app, its SDK, its manifests and its workflow, from the templates. */
function writeFiles(tree: Tree, o: BffOptions): void {
  const values = { ...o, ...templateText(o), tmpl: '' };
  generateFiles(tree, join(FILES, 'app'), `apps/${o.name}`, values);
  if (o.auth !== 'none') generateFiles(tree, join(FILES, 'personal'), `apps/${o.name}`, values);
  generateFiles(tree, join(FILES, 'sdk'), o.sdkRoot, values);
  generateFiles(tree, join(FILES, 'k8s'), `deploy/k8s/${o.name}`, values);
  generateFiles(tree, join(FILES, 'workflow'), '.github/workflows', values);
  // Every image is the one template rendered for its app (tools/docker/render-dockerfile.js).
  const dockerfile = readText(tree, 'tools/docker/app.Dockerfile')
    .replaceAll('__APP__', o.name)
    .replaceAll('__PORT__', String(o.port));
  tree.write(`apps/${o.name}/Dockerfile`, dockerfile);
  updateJson(tree, 'tsconfig.base.json', (json) => {
    json.compilerOptions.paths[`@bff/${o.sdkPackage}`] = [`./${o.sdkRoot}/src/index.ts`];
    return json;
  });
}

/**
 * `nx g @bff/workspace:bff <name> --team=<team> [--port] [--auth=session|bearer|none]`: a BFF for a
 * new frontend, in the shape of web-bff and mobile-bff, wired everywhere a team's app must be.
 * Refuses a bad or taken name, a taken port and an existing folder with one line.
 */
export default async function bffGenerator(
  tree: Tree,
  schema: BffGeneratorSchema,
): Promise<GeneratorCallback> {
  const o = normalizeOptions(tree, schema);
  writeFiles(tree, o);
  addCodeowners(tree, o);
  addToCompose(tree, o);
  allowCoreApiAccess(tree, o);
  await formatFiles(tree);
  return () => {
    if (o.skipArtifacts) return;
    makeArtifacts(tree.root, o);
    console.log(
      `\n${o.name} is ready: npx nx run-many -t lint typecheck test build -p ${o.name} ${o.sdkProject}; npm start runs it on port ${o.port}.`,
    );
  };
}
