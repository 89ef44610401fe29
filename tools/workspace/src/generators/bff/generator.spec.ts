import { readJson, Tree } from '@nx/devkit';
import { FsTree } from 'nx/src/generators/tree';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import removeBffGenerator from '../remove-bff/generator';
import bffGenerator from './generator';
import { BffGeneratorSchema } from './schema';

// The generator over the real workspace, in memory: an FsTree reads the repository and records
// changes without writing them. (The generated app is built, tested and started for real in
// tools/workspace-e2e.)
const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const workspace = () => new FsTree(ROOT, false);
const generate = async (tree: Tree, options: Partial<BffGeneratorSchema> = {}) =>
  bffGenerator(tree, {
    name: 'partner-bff',
    team: 'partner-team',
    skipArtifacts: true,
    ...options,
  });
const refusal = async (options: Partial<BffGeneratorSchema>, tree: Tree = workspace()) => {
  try {
    await generate(tree, options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`generated with ${JSON.stringify(options)}`);
};

describe('nx g @bff/workspace:bff', () => {
  it.each([
    'Partner-bff',
    'partner',
    'partner_bff',
    '-bff',
    'partner--bff',
    'partner-bff/../web',
    `${'a'.repeat(40)}-bff`,
  ])('refuses the name %j in one line', async (name) => {
    const message = await refusal({ name });
    expect(message).toContain('is not a BFF name');
    expect(message).not.toContain('\n');
  });

  it.each([
    [{ name: 'web-bff' }, 'a project named web-bff already exists'],
    [{ name: 'core-bff' }, 'scope:core'],
    [{ name: 'shared-bff' }, 'scope:shared'],
    [{ port: 3001 }, 'port 3001 is taken by web-bff'],
    [{ port: 3000 }, 'port 3000 is taken by core-api'],
    [{ port: 9000 }, 'port 9000 is taken by the admin port'],
    [{ port: 80 }, '--port must be a whole number from 1024 to 65535'],
    [{ port: 3004.5 }, '--port must be a whole number'],
    [{ team: 'Partner Team' }, '--team must be'],
    [{ team: '' }, '--team must be'],
    [{ auth: 'oauth' as never }, '--auth must be session, bearer or none'],
    [{ frontend: 'the "TV" app' }, '--frontend must be'],
  ])('refuses %j: %s', async (options, expected) => {
    const message = await refusal(options);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it.each(['apps/partner-bff', 'libs/sdk/partner', 'deploy/k8s/partner-bff'])(
    'refuses when %s already exists',
    async (folder) => {
      const tree = workspace();
      tree.write(`${folder}/notes.md`, 'a trial left behind\n');
      expect(await refusal({}, tree)).toBe(
        `${folder} already exists: remove it or choose another name`,
      );
    },
  );

  it.each(['none', 'bearer', 'session'] as const)(
    'with --auth=%s writes the app, its SDK and its delivery, and wires them in',
    async (auth) => {
      const tree = workspace();
      await generate(tree, { auth });
      const project = readJson(tree, 'apps/partner-bff/project.json');
      expect(project.tags).toEqual(['scope:partner', 'type:app']);
      expect(project.metadata).toEqual({
        owner: '@bff-platform/partner-team',
        service: { port: 3004, portVariable: 'PARTNER_BFF_PORT', signIn: auth },
      });
      for (const file of [
        'apps/partner-bff/src/main.ts',
        'apps/partner-bff/src/product/product.controller.ts',
        'apps/partner-bff/src/contracts/core-api.pact.spec.ts',
        'apps/partner-bff/README.md',
        'apps/partner-bff/Dockerfile',
        'libs/sdk/partner/project.json',
        'deploy/k8s/partner-bff/base/deployment.yaml',
        'deploy/k8s/partner-bff/overlays/example/kustomization.yaml',
        '.github/workflows/partner-bff.yml',
      ]) {
        expect(tree.exists(file)).toBe(true);
      }
      expect(tree.read('apps/partner-bff/src/config/env.ts', 'utf-8')).toContain('portVar(3004)');
      expect(tree.read('.github/CODEOWNERS', 'utf-8')).toMatch(
        /^\/apps\/partner-bff\/\s+@bff-platform\/partner-team$/m,
      );
      expect(tree.read('docker-compose.yml', 'utf-8')).toContain("'3004:3004'");
      expect(tree.read('deploy/k8s/core-api/base/networkpolicy.yaml', 'utf-8')).toContain(
        'app.kubernetes.io/name: partner-bff',
      );
      expect(
        readJson(tree, 'tsconfig.base.json').compilerOptions.paths['@bff/partner-sdk'],
      ).toEqual(['./libs/sdk/partner/src/index.ts']);
      const template = readFileSync(join(ROOT, 'tools/docker/app.Dockerfile'), 'utf8');
      expect(tree.read('apps/partner-bff/Dockerfile', 'utf-8')).toBe(
        template.replaceAll('__APP__', 'partner-bff').replaceAll('__PORT__', '3004'),
      );
    },
  );

  it('takes the next free port when none is given, and the given one otherwise', async () => {
    const tree = workspace();
    await generate(tree, { name: 'tv-bff', port: 3010 });
    await generate(tree, { name: 'kiosk-bff' });
    expect(readJson(tree, 'apps/kiosk-bff/project.json').metadata.service.port).toBe(3011);
    expect(await refusal({ name: 'car-bff', port: 3010 }, tree)).toBe(
      'port 3010 is taken by tv-bff: choose another --port',
    );
  });
});

describe('nx g @bff/workspace:remove-bff', () => {
  /** Every change left in the tree is a file back at its committed content. */
  const expectUntouched = (tree: Tree) => {
    const left = tree
      .listChanges()
      .filter(
        (c) =>
          c.type !== 'UPDATE' || c.content?.toString() !== readFileSync(join(ROOT, c.path), 'utf8'),
      )
      .map((c) => `${c.type} ${c.path}`);
    expect(left).toEqual([]);
  };

  it.each(['none', 'bearer', 'session'] as const)(
    'leaves the workspace as it was after a BFF with --auth=%s',
    async (auth) => {
      const tree = workspace();
      await generate(tree, { auth });
      await removeBffGenerator(tree, { name: 'partner-bff' });
      expectUntouched(tree);
    },
  );

  it('removes one BFF of several and keeps the others wired', async () => {
    const tree = workspace();
    await generate(tree, { name: 'tv-bff', auth: 'session' });
    await generate(tree, { name: 'kiosk-bff', auth: 'bearer' });
    await removeBffGenerator(tree, { name: 'tv-bff' });
    expect(tree.exists('apps/tv-bff')).toBe(false);
    expect(tree.read('.github/CODEOWNERS', 'utf-8')).not.toContain('tv-bff');
    expect(tree.read('docker-compose.yml', 'utf-8')).not.toContain('tv-bff');
    expect(tree.read('docker-compose.yml', 'utf-8')).toContain('kiosk-bff');
    await removeBffGenerator(tree, { name: 'kiosk-bff' });
    expectUntouched(tree);
  });

  it.each([
    ['web-bff', 'web-bff is one of the founding BFFs'],
    ['core-api', 'core-api is not a BFF of this workspace'],
    ['nobody-bff', 'nobody-bff is not a BFF of this workspace'],
  ])('refuses to remove %s', async (name, expected) => {
    await expect(removeBffGenerator(workspace(), { name })).rejects.toThrow(expected);
  });
});
