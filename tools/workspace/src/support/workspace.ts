// Facts about the workspace that the delivery-file specs check the files against: the Nx project
// graph, each app's port and environment variables, and YAML files read as documents.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const ROOT = resolve(__dirname, '..', '..', '..', '..');
export const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
export const exists = (path: string) => existsSync(join(ROOT, path));

/** An app's project.json `metadata.service`, read by tools/scripts/workspace-apps.js. */
export interface Service {
  name: string;
  root: string;
  port: number;
  portVariable: string;
  signIn?: 'session' | 'bearer' | 'none';
  scope?: string;
  owner?: string;
  deployed: boolean;
  bff: boolean;
}
// The same reading as the launcher's and the Dockerfile renderer's (CommonJS, shared with them).
const workspaceApps = require('../../../scripts/workspace-apps.js') as {
  readServices(root?: string): Service[];
};

/** Every app with `metadata.service`: core-api, the BFFs by port, then the development provider. */
export const SERVICES = workspaceApps.readServices(ROOT);
/** The deployable apps: each has its own Dockerfile, workflow and Kubernetes manifests. */
export const APPS = SERVICES.filter((s) => s.deployed).map((s) => s.name);
export type App = string;
/** The BFFs: every deployable app but core-api. */
export const BFFS = SERVICES.filter((s) => s.bff).map((s) => s.name);
/** Apps built for docker-compose.yml only, never deployed (the development OpenID provider). */
export const DEV_APPS = SERVICES.filter((s) => !s.deployed).map((s) => s.name);
/** An app's service metadata; throws for an app that declares none. */
export function serviceOf(app: string): Service {
  const service = SERVICES.find((s) => s.name === app);
  if (!service) throw new Error(`${app} declares no metadata.service in its project.json`);
  return service;
}

export interface Project {
  name: string;
  root: string;
  tags: string[];
  /** Every project this one depends on, directly or through others. */
  dependencies: string[];
}

interface GraphFile {
  graph: {
    nodes: Record<string, { name: string; data: { root: string; tags?: string[] } }>;
    dependencies: Record<string, { target: string }[]>;
  };
}

let cachedGraph: Map<string, Project> | undefined;

/** The Nx project graph, from `nx graph --file` (the same graph `nx affected` uses). */
export function projectGraph(): Map<string, Project> {
  cachedGraph ??= readProjectGraph();
  return cachedGraph;
}

function readProjectGraph(): Map<string, Project> {
  const dir = mkdtempSync(join(tmpdir(), 'nx-graph-'));
  try {
    const file = join(dir, 'graph.json');
    const nx = join(ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
    execFileSync(process.execPath, [nx, 'graph', `--file=${file}`], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
    const { graph } = JSON.parse(readFileSync(file, 'utf8')) as GraphFile;
    const direct = (name: string) =>
      (graph.dependencies[name] ?? []).map((d) => d.target).filter((t) => t in graph.nodes);
    const closure = (name: string) => {
      const seen = new Set<string>();
      const visit = (n: string) =>
        direct(n).forEach((d) => !seen.has(d) && (seen.add(d), visit(d)));
      visit(name);
      return [...seen].sort();
    };
    return new Map(
      Object.values(graph.nodes).map((node) => [
        node.name,
        {
          name: node.name,
          root: node.data.root,
          tags: node.data.tags ?? [],
          dependencies: closure(node.name),
        },
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An app's default port and the names of the environment variables it reads, taken from its
 * validated env schema (the same reading delivery-files.spec.ts does for the Dockerfiles).
 */
export function appConfig(app: string) {
  // Every env schema file of the app (env.ts, and e.g. its identity provider's settings).
  const folder = `apps/${app}/src/config`;
  // (None at all reads as no port and no names: the checks then fail on the app, not the suite.)
  const source = (exists(folder) ? readdirSync(join(ROOT, folder)) : [])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => read(`${folder}/${file}`))
    .join('\n');
  const port = Number(/PORT: portVar\((\d+)\)/.exec(source)?.[1]);
  const shared = read('libs/platform/config/src/lib/env-vars.ts');
  const client = app === 'core-api' ? '' : read('libs/core-client/src/lib/core-client.env.ts');
  // A sign-in style's settings (OIDC_*, SESSION_*, PUBLIC_ORIGINS) live in its lib's env shapes.
  const signIn = [
    source.includes('bearerEnvShape(') ? envSourcesUnder('libs/bff-auth/bearer/src/lib') : '',
    source.includes('sessionEnvShape') ? envSourcesUnder('libs/bff-auth/session/src/lib') : '',
  ].join('\n');
  const names = new Set(
    [...`${source}\n${shared}\n${client}\n${signIn}`.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map(
      (m) => m[1] as string,
    ),
  );
  return { port, names };
}

/** The env shape files (`*-env.ts`, `*.env.ts`) below `dir`, as one text. */
function envSourcesUnder(dir: string): string {
  return filesUnder(dir)
    .filter((file) => /[.-]env\.ts$/.test(file))
    .map(read)
    .join('\n');
}

/** Every file below `dir` (relative to the repository root), as repository paths. */
export function filesUnder(dir: string): string[] {
  if (!exists(dir)) return [];
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(ROOT.length + 1))
    .sort();
}

/** Each document of a YAML stream (`---` separated); a syntax error in any of them throws. */
export function yamlDocuments(text: string, name: string): unknown[] {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0)
      throw new Error(`${name}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS();
  });
}
