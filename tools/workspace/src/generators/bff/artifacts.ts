import { execSync } from 'node:child_process';
import { BffOptions } from './options';

/**
 * What only the built app can produce, made once the files are written: its OpenAPI document
 * (`openapi/<name>.json`, which the build, the gate and the SDK read), its SDK's generated types,
 * and its committed pact with core-api (recorded by its consumer spec).
 */
export function artifactCommands(
  o: BffOptions,
): Array<{ what: string; command: string; env?: Record<string, string> }> {
  return [
    { what: `openapi/${o.name}.json`, command: `npx nx run ${o.name}:openapi` },
    { what: `${o.sdkRoot}/src/generated/${o.name}.ts`, command: `npx nx run ${o.sdkProject}:sdk` },
    {
      what: `pacts/${o.name}-core-api.json`,
      command: `npx jest -c apps/${o.name}/jest.config.js apps/${o.name}/src/contracts`,
      env: { UPDATE_PACTS: '1' },
    },
  ];
}

/** Runs `artifactCommands` in the workspace, printing what each makes; the first failure stops it. */
export function makeArtifacts(root: string, o: BffOptions): void {
  for (const step of artifactCommands(o)) {
    console.log(`\n> ${step.command}   (writes ${step.what})`);
    execSync(step.command, {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
        NX_TUI: 'false',
        NODE_OPTIONS:
          `${process.env['NODE_OPTIONS'] ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim(),
        ...step.env,
      },
    });
  }
}
