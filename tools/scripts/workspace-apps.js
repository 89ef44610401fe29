// The workspace's services, read from each app's project.json `metadata.service`: what `npm start`
// runs, what gets a Dockerfile, which apps are deployed and which are BFFs. Adding an app with that
// metadata (as `nx g @bff/workspace:bff` does) is all it takes for the launcher, the Dockerfile
// renderer, lint's scope rules and the workspace checks to see it: no list of names to update.
//
//   "metadata": { "owner": "@bff-platform/web-team",
//                 "service": { "port": 3001, "portVariable": "WEB_BFF_PORT", "signIn": "session" } }
//
// signIn says how the app's callers sign in: session (a browser, OIDC code flow kept server side),
// bearer (the provider's access token), none (core-api: service tokens only). An app tagged
// scope:dev (the development OpenID provider) runs on this machine and in compose, never deployed.
// CommonJS so that the .mjs scripts, the CommonJS Dockerfile renderer and the TypeScript specs
// can all load it.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const CORE_API = 'core-api';
const SIGN_IN = ['session', 'bearer', 'none'];
const DEV_SCOPE = 'scope:dev';

/** One app's service metadata, checked; a mistake names the file and the field. */
function toService(file, project) {
  const { port, portVariable, signIn } = project.metadata.service;
  const tags = project.tags ?? [];
  const deployed = !tags.includes(DEV_SCOPE);
  const fail = (what) => {
    throw new Error(`${file}: metadata.service.${what}`);
  };
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail('port must be 1..65535');
  if (!/^[A-Z][A-Z0-9_]*_PORT$/.test(portVariable ?? '')) fail('portVariable must be like X_PORT');
  if (deployed && !SIGN_IN.includes(signIn)) fail(`signIn must be one of ${SIGN_IN.join(', ')}`);
  return {
    name: project.name,
    root: `apps/${project.name}`,
    port,
    portVariable,
    signIn: deployed ? signIn : undefined,
    /** The scope tag without `scope:` (web, mobile, core, dev…). */
    scope: tags.find((t) => t.startsWith('scope:'))?.slice('scope:'.length),
    owner: project.metadata.owner,
    deployed,
    bff: deployed && project.name !== CORE_API,
  };
}

/**
 * Every app with `metadata.service`: core-api first, then the BFFs by port, then the apps that
 * are never deployed (the development provider) by port.
 */
function readServices(root = ROOT) {
  const apps = join(root, 'apps');
  const services = readdirSync(apps, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(apps, entry.name, 'project.json'))
    .filter((file) => existsSync(file))
    .map((file) => ({ file, project: JSON.parse(readFileSync(file, 'utf8')) }))
    .filter(({ project }) => project.metadata?.service)
    .map(({ file, project }) => toService(file.slice(root.length + 1), project));
  const rank = (s) => (s.name === CORE_API ? 0 : s.deployed ? 1 : 2);
  return services.sort((a, b) => rank(a) - rank(b) || a.port - b.port);
}

/** The apps that are deployed: each has its image, workflow, Kubernetes manifests and release. */
const deployedApps = (root = ROOT) => readServices(root).filter((s) => s.deployed);

/** The BFFs: every deployed app but core-api. */
const bffs = (root = ROOT) => readServices(root).filter((s) => s.bff);

module.exports = { ROOT, CORE_API, SIGN_IN, readServices, deployedApps, bffs };
