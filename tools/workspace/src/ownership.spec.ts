import { parseCodeowners, ruleFor } from './support/codeowners';
import { APPS, type Project, projectGraph, read, SERVICES } from './support/workspace';

const ORG = '@bff-platform';
const PLATFORM = `${ORG}/platform-team`;
/**
 * Who owns code with each scope tag (docs/adr/0002-module-boundaries.md): the team its deployable
 * app names in project.json `metadata.owner` (scope:core -> core-team, scope:web -> web-team, and a
 * generated BFF's scope -> the team given to the generator).
 */
const TEAM_OF_SCOPE: Record<string, string> = Object.fromEntries(
  SERVICES.filter((s) => s.deployed && s.scope && s.owner).map((s) => [
    `scope:${s.scope}`,
    s.owner!,
  ]),
);
const TEAMS = new Set([...Object.values(TEAM_OF_SCOPE), PLATFORM]);

/** Files outside any app that belong to the app's team. */
const appFiles = (app: string) => [
  `openapi/${app}.json`,
  `deploy/k8s/${app}/base/deployment.yaml`,
  `.github/workflows/${app}.yml`,
];
/** Files that are everyone's foundation and stay with the platform team. */
const PLATFORM_FILES = [
  'package.json',
  'package-lock.json',
  'nx.json',
  'tsconfig.base.json',
  'eslint.config.mjs',
  'jest.preset.js',
  '.github/CODEOWNERS',
  'tools/scripts/test.mjs',
  'libs/core-client/src/index.ts',
  'libs/bff-kit/src/index.ts',
  'libs/platform/config/src/index.ts',
];

/** What is wrong with `codeowners` for these projects; empty when nothing is. */
function ownershipProblems(codeowners: string, projects: Project[]): string[] {
  const rules = parseCodeowners(codeowners);
  const problems: string[] = [];
  const ownerOf = (path: string) => ruleFor(rules, path)?.owners.join(' ') ?? '(nobody)';

  for (const rule of rules) {
    if (rule.owners.length === 0)
      problems.push(`line ${rule.line}: ${rule.pattern} names no owner`);
    for (const owner of rule.owners) {
      if (!TEAMS.has(owner)) problems.push(`line ${rule.line}: ${owner} is not one of our teams`);
    }
  }
  for (const project of projects) {
    // A file inside the project; its deciding rule must be about the project, not the catch-all.
    const path = `${project.root}/project.json`;
    const rule = ruleFor(rules, path);
    if (!rule || rule.pattern === '*') {
      problems.push(`${project.name} (${project.root}) has no CODEOWNERS line of its own`);
    }
    const scope = project.tags.find((tag) => tag.startsWith('scope:'));
    const team = scope && TEAM_OF_SCOPE[scope];
    if (team && ownerOf(path) !== team) {
      problems.push(`${project.name} is ${scope} but owned by ${ownerOf(path)}, not ${team}`);
    }
  }
  for (const app of APPS) {
    const scope = projects.find((p) => p.name === app)?.tags.find((t) => t.startsWith('scope:'));
    const team = TEAM_OF_SCOPE[scope ?? ''];
    for (const path of appFiles(app)) {
      if (ownerOf(path) !== team)
        problems.push(`${path} is owned by ${ownerOf(path)}, not ${team}`);
    }
  }
  for (const path of PLATFORM_FILES) {
    if (ownerOf(path) !== PLATFORM)
      problems.push(`${path} is owned by ${ownerOf(path)}, not ${PLATFORM}`);
  }
  return problems;
}

describe('CODEOWNERS (.github/CODEOWNERS)', () => {
  const codeowners = read('.github/CODEOWNERS');
  const projects = [...projectGraph().values()];

  it('sees every Nx project', () => {
    expect(projects.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        ...APPS,
        'core-contracts',
        'core-client',
        'bff-kit',
        'platform-validation',
        'workspace',
        'system-e2e',
        'web-sdk',
        'mobile-sdk',
        'mobile-app-client',
      ]),
    );
  });

  it('knows each team from its app: core, web and mobile, and any BFF added since', () => {
    expect(TEAM_OF_SCOPE).toMatchObject({
      'scope:core': `${ORG}/core-team`,
      'scope:web': `${ORG}/web-team`,
      'scope:mobile': `${ORG}/mobile-team`,
    });
    expect(Object.keys(TEAM_OF_SCOPE)).toHaveLength(APPS.length);
  });

  it("gives every project a line of its own, each app to its scope's team, and root config to the platform team", () => {
    expect(ownershipProblems(codeowners, projects)).toEqual([]);
  });

  it("names each project's owner in its project.json, the same team CODEOWNERS names", () => {
    const rules = parseCodeowners(codeowners);
    const mismatches = projects.flatMap((project) => {
      const declared = (
        JSON.parse(read(`${project.root}/project.json`)) as { metadata?: { owner?: string } }
      ).metadata?.owner;
      const codeowner = ruleFor(rules, `${project.root}/project.json`)?.owners.join(' ');
      return declared === codeowner
        ? []
        : [
            `${project.name}: project.json says ${declared ?? '(nothing)'}, CODEOWNERS says ${codeowner}`,
          ];
    });
    expect(mismatches).toEqual([]);
  });

  it('gives core-contracts to the core team (it is the contract core-api serves)', () => {
    expect(
      ruleFor(parseCodeowners(codeowners), 'libs/core-contracts/src/index.ts')?.owners,
    ).toEqual([`${ORG}/core-team`]);
  });

  describe('the check fails when', () => {
    it('an app is given to the wrong team', () => {
      const broken = codeowners.replace(
        /^\/apps\/web-bff\/\s+\S+$/m,
        `/apps/web-bff/ ${ORG}/mobile-team`,
      );
      expect(ownershipProblems(broken, projects)).toContain(
        `web-bff is scope:web but owned by ${ORG}/mobile-team, not ${ORG}/web-team`,
      );
    });

    it('the catch-all comes last and so overrides every team', () => {
      const lines = codeowners.split('\n');
      const broken = [...lines.filter((l) => !l.startsWith('* ')), `* ${PLATFORM}`].join('\n');
      expect(ownershipProblems(broken, projects)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^core-api .* no CODEOWNERS line of its own$/),
          expect.stringMatching(/^\.github\/workflows\/mobile-bff\.yml is owned by/),
        ]),
      );
    });

    it('a project has no line of its own, or an owner is misspelt', () => {
      const broken = codeowners
        .replace(/^\/libs\/core-client\/.*$/m, '')
        .replace(/^\/tools\/\s+\S+$/m, `/tools/ ${ORG}/platfrom-team`);
      const problems = ownershipProblems(broken, projects);
      expect(problems).toContain(
        'core-client (libs/core-client) has no CODEOWNERS line of its own',
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/@bff-platform\/platfrom-team is not one of our teams$/),
        ]),
      );
    });
  });
});
