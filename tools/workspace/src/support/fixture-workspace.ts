// A throwaway workspace folder holding only apps/*/project.json: this repository's first four apps
// (fixed, so a BFF generated here since does not change the fixture) plus the ones a test adds (what `nx g @bff/workspace:bff` would write), for the code that discovers the
// apps from the workspace. In a temporary folder, so Nx never sees its duplicate project names.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './workspace';

const BASE_APPS = ['core-api', 'web-bff', 'mobile-bff', 'dev-identity'];

export interface FixtureApp {
  name: string;
  tags: string[];
  metadata: { owner: string; service?: { port: number; portVariable: string; signIn?: string } };
}

/** A BFF as the generator writes it (scope = its name without -bff). */
export const generatedBff = (
  name: string,
  port: number,
  signIn: 'session' | 'bearer' | 'none',
  team = 'partner-team',
): FixtureApp => ({
  name,
  tags: [`scope:${name.replace(/-bff$/, '')}`, 'type:app'],
  metadata: {
    owner: `@bff-platform/${team}`,
    service: { port, portVariable: `${name.toUpperCase().replaceAll('-', '_')}_PORT`, signIn },
  },
});

export interface FixtureWorkspace {
  root: string;
  remove(): void;
}

/** The four apps' project.json files from this repository, plus `extra`, in a new temporary folder. */
export function fixtureWorkspace(extra: FixtureApp[]): FixtureWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'fixture-workspace-'));
  const write = (name: string, text: string) => {
    mkdirSync(join(root, 'apps', name), { recursive: true });
    writeFileSync(join(root, 'apps', name, 'project.json'), text);
  };
  for (const name of BASE_APPS)
    write(name, readFileSync(join(ROOT, 'apps', name, 'project.json'), 'utf8'));
  for (const app of extra) write(app.name, JSON.stringify(app));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
