/**
 * @jest-environment-options {"customExportConditions": ["node", "import"]}
 *
 * Why the option: @actions/workflow-parser (GitHub's own parser, the one behind the Actions
 * language service) is ESM-only and exports only an `import` condition. SWC compiles this spec to
 * CommonJS, so `await import()` below becomes a require(), which Jest resolves with `require`
 * conditions unless told to accept `import` too. Jest then loads the package as ESM (the test
 * target runs with --experimental-vm-modules) and prints one harmless deprecation warning about
 * the package importing its schema JSON without `with { type: 'json' }`.
 */
import { parse as parseYaml } from 'yaml';
import { APPS, type App, exists, projectGraph, read, serviceOf } from './support/workspace';

const JOBS = ['lint', 'test', 'build', 'openapi', 'api-gate', 'image', 'release'];

/** Errors in a workflow file, as GitHub reports them (empty when valid). */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } =
    await import('@actions/workflow-parser');
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (!parsed.value) return [`${name}: not a workflow`];
  // Conversion reports the schema errors, and what the schema alone cannot see (e.g. `needs`
  // naming a job that does not exist).
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...new Set((template.errors ?? []).map((e) => e.Message))];
}

/** Every path filter of a workflow's push and pull_request triggers. */
const pathFilters = (workflow: any): string[][] =>
  ['push', 'pull_request'].map((event) => workflow.on?.[event]?.paths ?? []);
const allSteps = (workflow: any): any[] =>
  Object.values<any>(workflow.jobs).flatMap((job) => job.steps ?? []);

describe('GitHub workflow check', () => {
  it('accepts a minimal valid workflow', async () => {
    expect(
      await workflowErrors(
        'ok.yml',
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n',
      ),
    ).toEqual([]);
  });

  it('catches a broken workflow', async () => {
    const broken = [
      'on: pushed',
      'jobs:',
      '  build:',
      '    runs-onn: ubuntu-latest',
      '    needs: [lint]',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        run: echo both',
    ].join('\n');
    const errors = await workflowErrors('broken.yml', broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Unexpected value 'pushed'"),
        expect.stringContaining("Unexpected value 'runs-onn'"),
      ]),
    );
  });

  it('catches jobs that depend on a job that does not exist', async () => {
    const broken =
      'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    needs: [build]\n    steps:\n      - run: echo\n';
    expect(await workflowErrors('needs.yml', broken)).not.toEqual([]);
  });
});

const PIPELINE = '.github/workflows/service-pipeline.yml';
const SETUP = '.github/actions/setup-workspace/action.yml';

describe(PIPELINE, () => {
  const content = read(PIPELINE);
  const workflow = parseYaml(content, { merge: true });
  const runs = allSteps(workflow)
    .map((step) => step.run ?? '')
    .join('\n');

  it("is valid against GitHub's workflow schema", async () => {
    expect(await workflowErrors(PIPELINE, content)).toEqual([]);
  });

  it('is a reusable workflow that takes the app as its one required input', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    const inputs = workflow.on.workflow_call.inputs;
    expect(inputs.app).toMatchObject({ type: 'string', required: true });
    for (const [name, input] of Object.entries<any>(inputs))
      if (name !== 'app') expect(input).toMatchObject({ type: 'boolean', default: false });
  });

  it('has the jobs lint, test, build, openapi, api-gate, image and release', () => {
    expect(Object.keys(workflow.jobs)).toEqual(expect.arrayContaining(JOBS));
  });

  it("runs the Nx targets of the caller's app, never a named one", () => {
    for (const target of ['lint', 'typecheck', 'test', 'build', 'openapi-check', 'api-gate'])
      expect(runs).toContain(`npx nx run \${{ inputs.app }}:${target}`);
    const code = content.replace(/^\s*#.*$/gm, '');
    for (const app of APPS) expect(code).not.toContain(app);
    expect(workflow.env).toMatchObject({ NX_DAEMON: 'false', NX_NO_CLOUD: 'true' });
  });

  it("runs the app's breaking-change gate on the full history, with its tags, before any image", () => {
    const gate = workflow.jobs['api-gate'];
    expect(gate.steps.map((step: any) => step.run).filter(Boolean)).toEqual([
      'npx nx run ${{ inputs.app }}:api-gate',
    ]);
    const checkout = gate.steps.find((step: any) =>
      String(step.uses).startsWith('actions/checkout@'),
    );
    expect(checkout.with).toMatchObject({ 'fetch-depth': 0 });
    expect(workflow.jobs.image.needs).toContain('api-gate');
  });

  it('sets every job that runs npx up through the one setup action', () => {
    for (const [id, job] of Object.entries<any>(workflow.jobs)) {
      const steps: any[] = job.steps ?? [];
      if (!steps.some((step) => String(step.run ?? '').includes('npx '))) continue;
      const setup = steps.findIndex((step) => step.uses === './.github/actions/setup-workspace');
      const checkout = steps.findIndex((step) => String(step.uses).startsWith('actions/checkout@'));
      expect([id, checkout >= 0 && setup > checkout]).toEqual([id, true]);
    }
  });

  it('releases only from a tag of the app, after every other job', () => {
    const onTag = "startsWith(github.ref, format('refs/tags/{0}@', inputs.app))";
    expect(workflow.jobs.release.if).toBe(onTag);
    expect(workflow.jobs.release.needs).toEqual(
      expect.arrayContaining(JOBS.filter((job) => job !== 'release')),
    );
    const build = workflow.jobs.image.steps.find((step: any) =>
      String(step.uses).startsWith('docker/build-push-action@'),
    );
    expect(build.with).toMatchObject({
      context: '.',
      file: 'apps/${{ inputs.app }}/Dockerfile',
      push: `\${{ ${onTag} }}`,
    });
  });
});

describe(SETUP, () => {
  const action = parseYaml(read(SETUP));

  it("sets Node up from .nvmrc with npm's cache, then installs with npm ci", () => {
    expect(action.runs.using).toBe('composite');
    const setup = action.runs.steps.find((step: any) =>
      String(step.uses).startsWith('actions/setup-node@'),
    );
    expect(setup.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
    expect(action.runs.steps.at(-1).run).toContain('npm ci');
  });
});

describe.each(APPS)('.github/workflows/%s.yml', (app: App) => {
  const path = `.github/workflows/${app}.yml`;
  // A missing file fails the first test below, not the whole suite.
  const content = exists(path) ? read(path) : 'jobs: {}\n';
  const workflow = parseYaml(content, { merge: true });
  const pipeline = parseYaml(read(PIPELINE), { merge: true });

  it('exists', () => {
    expect(exists(path)).toBe(true);
  });

  it("is valid against GitHub's workflow schema", async () => {
    expect(await workflowErrors(path, content)).toEqual([]);
  });

  it('is a short caller of the service pipeline, for this app, with inputs it declares', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['pipeline']);
    const job = workflow.jobs.pipeline;
    expect(job.uses).toBe(`./${PIPELINE}`);
    expect(job.with.app).toBe(app);
    const declared = Object.keys(pipeline.on.workflow_call.inputs);
    expect(declared).toEqual(expect.arrayContaining(Object.keys(job.with)));
    // The image and release jobs ask for these; a called job cannot have more than its caller.
    expect(job.permissions).toMatchObject({ packages: 'write', contents: 'write' });
    expect(content.split('\n').length).toBeLessThan(80);
  });

  it('runs on changes to the app, every library it depends on (from the Nx graph) and the pipeline', () => {
    const graph = projectGraph();
    const libs = graph
      .get(app)!
      .dependencies.map((name) => graph.get(name)!)
      .filter((p) => p.root.startsWith('libs/'));
    expect(libs.length).toBeGreaterThan(0);
    const expected = [
      `apps/${app}/**`,
      ...libs.map((lib) => `${lib.root}/**`),
      path,
      PIPELINE,
      '.github/actions/**',
      'package-lock.json',
      'nx.json',
      'tsconfig.base.json',
      'tools/**',
    ];
    for (const paths of pathFilters(workflow))
      expect(paths).toEqual(expect.arrayContaining(expected));
  });

  it('asks for the real-server runs and browser checks the app has', () => {
    // core-api's data layer runs on PostgreSQL, every BFF's state on Redis; only web-bff serves
    // a storefront, whose browser test is its own.
    const extras = serviceOf(app).bff
      ? { 'redis-tests': true, ...(app === 'web-bff' && { storefront: true }) }
      : { 'postgres-tests': true };
    expect(workflow.jobs.pipeline.with).toEqual({ app, ...extras });
  });

  it(`runs on its own release tags (${app}@*)`, () => {
    expect(workflow.on.push.tags).toEqual([`${app}@*`]);
  });
});

describe('.github/workflows/libs.yml', () => {
  const path = '.github/workflows/libs.yml';
  const content = read(path);
  const workflow = parseYaml(content, { merge: true });

  it("is valid against GitHub's workflow schema", async () => {
    expect(await workflowErrors(path, content)).toEqual([]);
  });

  it('runs on library and root-config changes: affected projects and the end-to-end suite', () => {
    for (const paths of pathFilters(workflow))
      expect(paths).toEqual(
        expect.arrayContaining(['libs/**', 'nx.json', 'package-lock.json', 'tools/**']),
      );
    const runs = allSteps(workflow)
      .map((step) => step.run ?? '')
      .join('\n');
    expect(runs).toContain('npx nx affected -t lint typecheck test --base=origin/main');
    expect(runs).toContain('npx nx run system-e2e:e2e');
  });
});
