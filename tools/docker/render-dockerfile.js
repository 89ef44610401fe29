#!/usr/bin/env node
// Every app's Dockerfile is this template rendered for the app (name and port), so the images are
// built the same way and a fix lands in all of them. Edit tools/docker/app.Dockerfile, then:
//   node tools/docker/render-dockerfile.js          rewrite apps/*/Dockerfile
// tools/workspace checks that each committed Dockerfile matches its rendering.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { readServices } = require('../scripts/workspace-apps.js');

const root = join(__dirname, '..', '..');
const template = readFileSync(join(__dirname, 'app.Dockerfile'), 'utf8');

/** The app's default port, read from its validated env schema (`PORT: portVar(3001)`). */
function defaultPort(app) {
  const match = /PORT: portVar\((\d+)\)/.exec(
    readFileSync(join(root, 'apps', app, 'src', 'config', 'env.ts'), 'utf8'),
  );
  if (!match) throw new Error(`apps/${app}/src/config/env.ts declares no PORT: portVar(<port>)`);
  return Number(match[1]);
}

function renderDockerfile(app) {
  return template.replaceAll('__APP__', app).replaceAll('__PORT__', String(defaultPort(app)));
}

/**
 * The apps with a Dockerfile: every app whose project.json declares `metadata.service`
 * (tools/scripts/workspace-apps.js). The deployed ones (not scope:dev) are also released and run
 * in Kubernetes; the others are built for docker-compose.yml only: the development OpenID
 * provider, whose image keeps the template's NODE_ENV=production, which it refuses to start with
 * (compose sets development).
 */
const dockerApps = (workspace = root) => readServices(workspace).map((s) => s.name);

if (require.main === module) {
  for (const app of dockerApps()) {
    writeFileSync(join(root, 'apps', app, 'Dockerfile'), renderDockerfile(app));
    console.log(`wrote apps/${app}/Dockerfile`);
  }
}

module.exports = { renderDockerfile, defaultPort, dockerApps };
