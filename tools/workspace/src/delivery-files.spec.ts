import Ajv from 'ajv';
import { execSync } from 'node:child_process';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { APPS, appConfig, BFFS, DEV_APPS, SERVICES } from './support/workspace';
const { renderDockerfile } = require('../../docker/render-dockerfile.js') as {
  renderDockerfile: (app: string) => string;
};

const ROOT = resolve(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const exists = (path: string) => existsSync(join(ROOT, path));

const composeSchema = JSON.parse(read('node_modules/dclint/schemas/compose.schema.json'));
const validateCompose = new Ajv({
  allErrors: true,
  strict: false,
  validateSchema: false,
  validateFormats: false,
}).compile(composeSchema);

describe.each([...APPS, ...DEV_APPS])('%s Dockerfile', (app) => {
  const path = `apps/${app}/Dockerfile`;
  // A missing file fails the first test below, not the whole suite.
  const dockerfile = exists(path) ? read(path) : '';
  const { port } = appConfig(app);

  it('exists', () => {
    expect(exists(path)).toBe(true);
  });

  it('is the shared template rendered for this app (node tools/docker/render-dockerfile.js)', () => {
    expect(dockerfile).toBe(renderDockerfile(app));
  });

  it('is valid Dockerfile syntax', () => {
    expect(validateDockerfile(dockerfile).map((d) => d.message)).toEqual([]);
  });

  it('builds in stages on Node 24 and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toContain(`/workspace/dist/apps/${app}/package.json`);
  });

  it('declares in project.json (metadata.service) the port its env schema defaults to', () => {
    expect(SERVICES.find((s) => s.name === app)?.port).toBe(port);
  });

  it(`exposes the app's own port (${port}) and the admin port, and checks /health/live on the admin port`, () => {
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port} 9000$`, 'm'));
    expect(dockerfile).toMatch(new RegExp(`PORT=${port}\\b`));
    expect(dockerfile).toMatch(/ADMIN_PORT=9000\b/);
    expect(dockerfile).toMatch(
      /HEALTHCHECK[\s\S]*process\.env\.ADMIN_PORT \|\| process\.env\.PORT[\s\S]*\/health\/live/,
    );
    expect(dockerfile).toMatch(/^CMD \["node", "main.js"\]$/m);
  });
});

describe('Dockerfile check', () => {
  it('catches a broken Dockerfile', () => {
    expect(
      validateDockerfile('FROM node:24-slim\nRUNN npm ci\nEXPOSE port\n').length,
    ).toBeGreaterThan(0);
  });
});

describe('docker-compose.yml', () => {
  const compose = parseYaml(read('docker-compose.yml'), { merge: true });

  it('is valid against the compose specification', () => {
    expect(validateCompose(compose) ? [] : validateCompose.errors).toEqual([]);
  });

  it('fails the check when broken', () => {
    const broken = structuredClone(compose);
    broken.services['web-bff'].depends_on['core-api'].condition = 'when_ready';
    broken.services['core-api'].ports = 3000;
    expect(validateCompose(broken)).toBe(false);
  });

  it('runs every app, the development provider, PostgreSQL and Redis, each with a health check', () => {
    // Services in a profile (e.g. `observability`) only start when asked for; check the default set.
    const byDefault = Object.keys(compose.services).filter(
      (name) => !compose.services[name].profiles,
    );
    expect(byDefault.sort()).toEqual(
      [...APPS, ...DEV_APPS, 'postgres', 'redis', 'service-keys'].sort(),
    );
    expect(compose.services.postgres.healthcheck).toBeDefined();
    expect(compose.services.redis.healthcheck).toBeDefined();
    expect(compose.services['core-api'].depends_on.postgres.condition).toBe('service_healthy');
    for (const bff of BFFS) {
      expect(compose.services[bff].depends_on['core-api'].condition).toBe('service_healthy');
      expect(compose.services[bff].environment.CORE_API_URL).toBe(
        `http://core-api:${appConfig('core-api').port}`,
      );
    }
  });

  it('gives the provider one issuer address, the same for the browser and for every BFF that signs in', () => {
    const issuer = compose.services['dev-identity'].environment.OIDC_ISSUER;
    // Browsers resolve *.localhost to this machine, where the port is published; the BFFs reach
    // the provider under the same name through its network alias.
    expect(new URL(issuer).hostname).toMatch(/\.localhost$/);
    expect(compose.services['dev-identity'].networks.default.aliases).toContain(
      new URL(issuer).hostname,
    );
    expect(compose.services['dev-identity'].ports).toEqual([
      `${new URL(issuer).port}:${new URL(issuer).port}`,
    ]);
    for (const bff of SERVICES.filter((s) => s.bff && s.signIn !== 'none'))
      expect(compose.services[bff.name].environment.OIDC_ISSUER).toBe(issuer);
    expect(compose.services['web-bff'].depends_on['dev-identity'].condition).toBe(
      'service_healthy',
    );
  });

  it('never deploys the development provider: no Kubernetes manifest names it', () => {
    const manifests = execSync('git ls-files deploy', { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.ya?ml$/.test(file));
    expect(manifests.length).toBeGreaterThan(10);
    for (const file of manifests)
      expect({ file, names: /dev-identity|OIDC_CLIENT_SECRET:\s*\S/.test(read(file)) }).toEqual({
        file,
        names: false,
      });
  });

  it.each([...APPS, ...DEV_APPS])(
    'wires %s with its real port, Dockerfile and only variables the app reads',
    (app) => {
      const service = compose.services[app];
      const { port, names } = appConfig(app);
      expect(service.build).toEqual({ context: '.', dockerfile: `apps/${app}/Dockerfile` });
      expect(service.ports).toEqual([`${port}:${port}`]);
      expect(service.environment.PORT).toBe(String(port));
      // One port, as in development: the image's health check then finds /health/live on PORT.
      expect([service.environment.NODE_ENV, service.environment.ADMIN_PORT]).toEqual([
        'development',
        '',
      ]);
      // ADMIN_PORT: read by the image's health check (the provider itself has one port).
      for (const variable of Object.keys(service.environment))
        expect({ variable, declared: names.has(variable) || variable === 'ADMIN_PORT' }).toEqual({
          variable,
          declared: true,
        });
    },
  );
});

describe.each(BFFS)('%s contracts', (bff) => {
  it('has its OpenAPI document and its pact with core-api committed, the pact naming both', () => {
    expect(JSON.parse(read(`openapi/${bff}.json`)).openapi).toMatch(/^3\./);
    const pact = JSON.parse(read(`pacts/${bff}-core-api.json`));
    expect([pact.consumer?.name, pact.provider?.name]).toEqual([bff, 'core-api']);
  });
});
