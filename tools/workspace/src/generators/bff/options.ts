import { getProjects, names, Tree } from '@nx/devkit';
import { BffGeneratorSchema } from './schema';

export type SignIn = 'session' | 'bearer' | 'none';
const SIGN_INS: readonly SignIn[] = ['session', 'bearer', 'none'];

/** Everything the templates and the wiring need, derived once from the command line. */
export interface BffOptions {
  /** `partner-bff`: the project, folder, image, workflow and Kubernetes name. */
  name: string;
  /** `partner`: the scope tag (`scope:partner`) and the SDK folder (`libs/sdk/partner`). */
  scope: string;
  /** `PartnerBff`, `partnerBff`, `PARTNER_BFF`. */
  className: string;
  propertyName: string;
  constantName: string;
  team: string;
  owner: string;
  port: number;
  /** `PARTNER_BFF_PORT`: the variable `npm start` reads its port from. */
  portVariable: string;
  auth: SignIn;
  frontend: string;
  sdkProject: string;
  sdkPackage: string;
  sdkRoot: string;
  skipArtifacts: boolean;
}

/** A refusal: Nx prints the message as the one line the user reads. */
export class BffGeneratorError extends Error {}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*-bff$/;
const TEAM = /^[a-z0-9][a-z0-9_-]{0,38}$/;
/** Ports the system takes besides its services' own: every image's admin port. */
const RESERVED_PORTS = new Map([[9000, 'the admin port of every image (ADMIN_PORT)']]);
const MAX_NAME = 40;
/** Words a README and an OpenAPI description can carry as they are. */
const FRONTEND = /^[A-Za-z0-9][A-Za-z0-9 ,.()-]{0,79}$/;

/** The port each project listens on, from its `metadata.service` (apps/<name>/project.json). */
export function servicePorts(tree: Tree): Map<number, string> {
  const ports = new Map<number, string>();
  for (const [project, config] of getProjects(tree)) {
    const service = (config.metadata as { service?: { port?: unknown } } | undefined)?.service;
    if (typeof service?.port === 'number') ports.set(service.port, project);
  }
  return ports;
}

function refuseName(tree: Tree, name: string): void {
  if (!NAME.test(name) || name.length > MAX_NAME) {
    throw new BffGeneratorError(
      `"${name}" is not a BFF name: use lowercase words joined by hyphens, ending in -bff, at most ${MAX_NAME} characters (e.g. partner-bff)`,
    );
  }
  const scope = name.replace(/-bff$/, '');
  const projects = getProjects(tree);
  if (projects.has(name)) throw new BffGeneratorError(`a project named ${name} already exists`);
  for (const [project, config] of projects) {
    if (config.tags?.includes(`scope:${scope}`)) {
      throw new BffGeneratorError(
        `scope:${scope} is taken by ${project}: choose another name for the new BFF`,
      );
    }
  }
  if (['core', 'shared', 'dev'].includes(scope)) {
    throw new BffGeneratorError(`scope:${scope} is reserved: choose another name for the new BFF`);
  }
  for (const folder of [`apps/${name}`, `libs/sdk/${scope}`, `deploy/k8s/${name}`]) {
    if (tree.exists(folder)) {
      throw new BffGeneratorError(`${folder} already exists: remove it or choose another name`);
    }
  }
  if (projects.has(`${scope}-sdk`)) {
    throw new BffGeneratorError(`a project named ${scope}-sdk already exists: choose another name`);
  }
}

function choosePort(tree: Tree, wanted: number | undefined): number {
  const taken = servicePorts(tree);
  if (wanted === undefined) {
    let port = Math.max(3000, ...taken.keys()) + 1;
    while (taken.has(port) || RESERVED_PORTS.has(port)) port += 1;
    return port;
  }
  if (!Number.isInteger(wanted) || wanted < 1024 || wanted > 65535) {
    throw new BffGeneratorError(`--port must be a whole number from 1024 to 65535 (got ${wanted})`);
  }
  const owner = taken.get(wanted) ?? RESERVED_PORTS.get(wanted);
  if (owner)
    throw new BffGeneratorError(`port ${wanted} is taken by ${owner}: choose another --port`);
  return wanted;
}

/** Checks the command line against the workspace and derives every name; throws one line. */
export function normalizeOptions(tree: Tree, schema: BffGeneratorSchema): BffOptions {
  const name = String(schema.name ?? '').trim();
  refuseName(tree, name);
  const team = String(schema.team ?? '').trim();
  if (!TEAM.test(team)) {
    throw new BffGeneratorError(
      `--team must be the owning team's GitHub team slug, e.g. partner-team (got "${team}")`,
    );
  }
  const auth = schema.auth ?? 'none';
  if (!SIGN_INS.includes(auth)) {
    throw new BffGeneratorError(`--auth must be session, bearer or none (got "${auth}")`);
  }
  const frontend = schema.frontend?.trim() || `the ${name.replace(/-bff$/, '')} frontend`;
  if (!FRONTEND.test(frontend)) {
    throw new BffGeneratorError(
      `--frontend must be up to 80 letters, digits, spaces and , . ( ) - (got "${frontend}")`,
    );
  }
  const scope = name.replace(/-bff$/, '');
  const n = names(name);
  return {
    name,
    scope,
    className: n.className,
    propertyName: n.propertyName,
    constantName: n.constantName,
    team,
    owner: `@bff-platform/${team}`,
    port: choosePort(tree, schema.port),
    portVariable: `${n.constantName}_PORT`,
    auth,
    frontend,
    sdkProject: `${scope}-sdk`,
    sdkPackage: `${scope}-sdk`,
    sdkRoot: `libs/sdk/${scope}`,
    skipArtifacts: schema.skipArtifacts ?? false,
  };
}
