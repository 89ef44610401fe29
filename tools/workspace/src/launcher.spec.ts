// `npm start` and `npm run dev` run the apps the workspace declares (project.json
// `metadata.service`), so a generated BFF is started and wired to the identity provider without
// editing the launcher. Shown on this repository and on a copy of its apps with two more BFFs.
// (apps/system-e2e/src/launcher.spec.ts runs the real launcher end to end.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureWorkspace, type FixtureWorkspace, generatedBff } from './support/fixture-workspace';
import { projectGraph, ROOT, SERVICES } from './support/workspace';

interface Service {
  name: string;
  variable: string;
  defaultPort: number;
  port: number;
  signIn?: string;
  colour: number;
}
interface Settings {
  services: Service[];
  notes: string[];
  oidcIssuer: string;
  reachHost: string;
}
interface Launcher {
  readSettings(env: Record<string, string>, root?: string): Settings;
  identityEnv(s: Service, settings: Settings, userEnv: object): Record<string, string>;
  banner(settings: Settings, coreApi: { ok: boolean }): string;
}

// ESM modules; Jest loads them as such (the test target runs with --experimental-vm-modules).
async function launcher(): Promise<Launcher> {
  const [settings, services, banner] = await Promise.all([
    import('../../scripts/launcher/settings.mjs' as string),
    import('../../scripts/launcher/services.mjs' as string),
    import('../../scripts/launcher/banner.mjs' as string),
  ]);
  return { ...settings, ...services, ...banner } as Launcher;
}

const names = (settings: Settings) => settings.services.map((s) => s.name);
const byName = (settings: Settings, name: string) =>
  settings.services.find((s) => s.name === name)!;

describe("the launcher's services", () => {
  let l: Launcher;
  beforeAll(async () => {
    l = await launcher();
  });

  // (Holds when a generated BFF is added: the ones below are those this repository started with.)
  it('in this repository: core-api first, the BFFs by port, the development provider last', () => {
    const settings = l.readSettings({});
    const rows = settings.services.map((s) => [s.name, s.variable, s.port, s.signIn]);
    expect(rows[0]).toEqual(['core-api', 'CORE_API_PORT', 3000, 'none']);
    expect(rows.at(-1)).toEqual(['dev-identity', 'DEV_IDENTITY_PORT', 3003, undefined]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['web-bff', 'WEB_BFF_PORT', 3001, 'session'],
        ['mobile-bff', 'MOBILE_BFF_PORT', 3002, 'bearer'],
      ]),
    );
    const bffPorts = settings.services.slice(1, -1).map((s) => s.port);
    expect(bffPorts).toEqual([...bffPorts].sort((a, b) => a - b));
    const colours = settings.services.map((s) => s.colour);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('wires web-bff by WEB_BFF_URL at the development provider, and core-api to nothing', () => {
    const settings = l.readSettings({});
    expect(l.identityEnv(byName(settings, 'dev-identity'), settings, {})).toMatchObject({
      OIDC_ISSUER: 'http://127.0.0.1:3003',
      WEB_BFF_URL: 'http://127.0.0.1:3001,http://localhost:3001',
    });
    expect(l.identityEnv(byName(settings, 'core-api'), settings, {})).toEqual({});
  });

  describe('in a workspace with two generated BFFs (partner-bff: session, tv-bff: bearer)', () => {
    let workspace: FixtureWorkspace;
    let settings: Settings;
    beforeAll(() => {
      workspace = fixtureWorkspace([
        generatedBff('partner-bff', 3005, 'session'),
        generatedBff('tv-bff', 3004, 'bearer', 'tv-team'),
      ]);
      settings = l.readSettings({}, workspace.root);
    });
    afterAll(() => workspace?.remove());

    it('starts them too: core-api first, the BFFs by port, the development provider last', () => {
      const order = names(settings);
      expect(order.indexOf('tv-bff')).toBe(order.indexOf('mobile-bff') + 1);
      expect(order.slice(order.indexOf('tv-bff'))).toEqual([
        'tv-bff',
        'partner-bff',
        'dev-identity',
      ]);
      expect(byName(settings, 'partner-bff')).toMatchObject({
        variable: 'PARTNER_BFF_PORT',
        port: 3005,
      });
      expect(new Set(settings.services.map((s) => s.colour)).size).toBe(6);
    });

    it('reads their port variables, and names them when PORT is set', () => {
      const moved = l.readSettings({ PARTNER_BFF_PORT: '4005', PORT: '1' }, workspace.root);
      expect(byName(moved, 'partner-bff').port).toBe(4005);
      expect(moved.notes).toEqual([
        'PORT is not read by npm start (it runs several services): set CORE_API_PORT, WEB_BFF_PORT, ' +
          'MOBILE_BFF_PORT, TV_BFF_PORT, PARTNER_BFF_PORT and DEV_IDENTITY_PORT instead ' +
          '(defaults 3000, 3001, 3002, 3004, 3005, 3003).',
      ]);
    });

    it('refuses two of them on one port, naming both variables', () => {
      expect(() => l.readSettings({ TV_BFF_PORT: '3005' }, workspace.root)).toThrow(
        'TV_BFF_PORT and PARTNER_BFF_PORT are both 3005: give each service its own port',
      );
    });

    it('gives a session BFF the issuer and its own callback addresses', () => {
      expect(l.identityEnv(byName(settings, 'partner-bff'), settings, {})).toEqual({
        OIDC_ISSUER: 'http://127.0.0.1:3003',
        OIDC_REDIRECT_URI: 'http://localhost:3005/bff/callback',
        OIDC_POST_LOGOUT_REDIRECT_URI: 'http://localhost:3005/',
      });
      expect(l.identityEnv(byName(settings, 'tv-bff'), settings, {})).toEqual({
        OIDC_ISSUER: 'http://127.0.0.1:3003',
      });
    });

    it('registers them at the development provider: session clients and bearer audiences', () => {
      expect(l.identityEnv(byName(settings, 'dev-identity'), settings, {})).toEqual({
        OIDC_ISSUER: 'http://127.0.0.1:3003',
        WEB_BFF_URL: 'http://127.0.0.1:3001,http://localhost:3001',
        SESSION_CLIENTS: 'partner-bff=http://127.0.0.1:3005|http://localhost:3005',
        BEARER_AUDIENCES: 'tv-bff',
      });
    });

    it('lets settings the user gave win', () => {
      const user = { SESSION_CLIENTS: 'mine=http://x', OIDC_REDIRECT_URI: 'http://y/cb' };
      expect(l.identityEnv(byName(settings, 'dev-identity'), settings, user)).not.toHaveProperty(
        'SESSION_CLIENTS',
      );
      expect(l.identityEnv(byName(settings, 'partner-bff'), settings, user)).not.toHaveProperty(
        'OIDC_REDIRECT_URI',
      );
    });

    it('lists them in the banner', () => {
      expect(l.banner(settings, { ok: true })).toContain(
        '    partner-bff  http://localhost:3005    docs http://localhost:3005/docs',
      );
    });
  });

  it('sees every app of the Nx graph: each type:app declares metadata.service', () => {
    const apps = [...projectGraph().values()].filter((p) => p.tags.includes('type:app'));
    const undeclared = apps
      .filter(
        (p) =>
          !JSON.parse(readFileSync(join(ROOT, p.root, 'project.json'), 'utf8')).metadata?.service,
      )
      .map((p) => p.name);
    expect(undeclared).toEqual([]);
    expect(SERVICES.map((s) => s.name).sort()).toEqual(apps.map((p) => p.name).sort());
  });

  it("stops with one line naming the file when an app's service metadata is wrong", () => {
    const bad = generatedBff('partner-bff', 3005, 'cookie' as 'session');
    const workspace = fixtureWorkspace([bad]);
    try {
      expect(() => l.readSettings({}, workspace.root)).toThrow(
        'apps/partner-bff/project.json: metadata.service.signIn must be one of session, bearer, none',
      );
    } finally {
      workspace.remove();
    }
  });
});
