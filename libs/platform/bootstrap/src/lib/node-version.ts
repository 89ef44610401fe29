import { basename, dirname, relative } from 'node:path';

/** The Node major every service is built and tested on (package.json `engines`, `.nvmrc`). */
export const REQUIRED_NODE_MAJOR = 24;

export interface NodeVersionFacts {
  /** `process.version`, e.g. `v20.20.2`. */
  version: string;
  /** The script Node was asked to run (`process.argv[1]`), e.g. `/repo/dist/apps/web-bff/main.js`. */
  script?: string;
  /** The working directory the command was typed in. */
  cwd: string;
}

/**
 * The one line a service prints when it runs on a Node it does not support, or undefined when the
 * version is right. The service is named after the folder its `main.js` was built into
 * (`dist/apps/<app>`); the command shown is the one that was typed, through the project's pinned
 * Node (`npx node`).
 */
export function nodeVersionProblem({ version, script, cwd }: NodeVersionFacts): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major === REQUIRED_NODE_MAJOR) return undefined;
  const app = script ? basename(dirname(script)) : 'this service';
  const shown = script ? relative(cwd, script) || script : `dist/apps/${app}/main.js`;
  return (
    `${app} needs Node ${REQUIRED_NODE_MAJOR} (this is Node ${version}): ` +
    `run it with \`npx node ${shown}\` or install Node ${REQUIRED_NODE_MAJOR}`
  );
}

/** Stops the process with `nodeVersionProblem`'s line and exit code 1 on an unsupported Node. */
export function exitUnlessSupportedNode(
  facts: NodeVersionFacts = {
    version: process.version,
    script: process.argv[1],
    cwd: process.cwd(),
  },
  stop: (line: string) => never = (line) => {
    process.stderr.write(`${line}\n`);
    process.exit(1);
  },
): void {
  const problem = nodeVersionProblem(facts);
  if (problem) stop(problem);
}
