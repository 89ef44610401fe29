#!/usr/bin/env node
// Every app's Dockerfile is this template rendered for the app (name and port), so the images are
// built the same way and a fix lands in all of them. Edit tools/docker/app.Dockerfile, then:
//   node tools/docker/render-dockerfile.js          rewrite apps/*/Dockerfile
// tools/workspace checks that each committed Dockerfile matches its rendering.
const { readFileSync, writeFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

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

const DEPLOYABLE_APPS = ['core-api', 'web-bff', 'mobile-bff'];
/**
 * Built for docker-compose.yml only, never deployed: the development OpenID provider. Its image
 * keeps the template's NODE_ENV=production, which it refuses to start with; compose sets
 * development.
 */
const COMPOSE_ONLY_APPS = ['dev-identity'];

if (require.main === module) {
  for (const app of [...DEPLOYABLE_APPS, ...COMPOSE_ONLY_APPS]) {
    if (!existsSync(join(root, 'apps', app))) continue;
    writeFileSync(join(root, 'apps', app, 'Dockerfile'), renderDockerfile(app));
    console.log(`wrote apps/${app}/Dockerfile`);
  }
}

module.exports = { renderDockerfile, defaultPort, DEPLOYABLE_APPS, COMPOSE_ONLY_APPS };
