import { committedDocument } from '../testing/temp-repo';
import { removeLabel, useRepos } from '../testing/gate-fixture';
import { runGate } from './gate';

/**
 * Which release the gate compares with and which commits let a break through, by nx 23's rules
 * (commits.ts), in temporary git repositories with real tags and commit messages.
 */
describe('api-gate and the release it compares with', () => {
  const { fresh, released } = useRepos();

  it('passes a breaking change announced by `feat!:` (0.x: nx release makes it a minor, 0.1.0 → 0.2.0)', () => {
    const result = released(removeLabel, 'feat!: drop the availability label');
    expect(result.ok).toBe(true);
    expect(result.lines.at(-1)).toMatch(
      /^PASS: breaking changes are announced by \w+ "feat!: drop the availability label": nx release makes the next version 0\.2\.0 \(from 0\.1\.0\)\.$/,
    );
  });

  it('passes a breaking change announced by a BREAKING CHANGE: footer, scoped to the app', () => {
    const result = released(
      removeLabel,
      'refactor(web-bff): one label\n\nBREAKING CHANGE: the availability label is gone',
    );
    expect(result.ok).toBe(true);
  });

  it('makes a breaking 0.x release a major one when nx.json turns the 0.x adjustment off', () => {
    const repo = fresh();
    repo.write('nx.json', {
      release: { version: { adjustSemverBumpsForZeroMajorVersion: false } },
    });
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first').tag('web-bff@0.1.0');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit('feat(web-bff)!: no label', 'apps/web-bff');
    expect(runGate('web-bff', repo.dir).lines.at(-1)).toContain(
      'the next version 1.0.0 (from 0.1.0)',
    );
  });

  it('makes a breaking release of 1.x the next major', () => {
    const repo = fresh();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc, '1.4.2').commit('feat(web-bff): first').tag('web-bff@1.4.2');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit('feat(web-bff)!: no label', 'apps/web-bff');
    expect(runGate('web-bff', repo.dir).lines.at(-1)).toContain(
      'the next version 2.0.0 (from 1.4.2)',
    );
  });

  it.each([
    [
      'scoped to another project (nx counts it as a patch for web-bff)',
      'feat(core-api)!: no label',
      'apps/web-bff',
    ],
    ['that does not touch apps/web-bff', 'feat!: no label', undefined],
    ['before the release tag', undefined, undefined],
  ])('fails when the only breaking commit is %s', (_name, message, touching) => {
    const repo = fresh();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first');
    if (!message) repo.commit('feat(web-bff)!: an earlier break', 'apps/web-bff');
    repo.tag('web-bff@0.1.0');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit(message ?? 'fix: label', touching);
    expect(runGate('web-bff', repo.dir).ok).toBe(false);
  });

  it('compares with the highest release tag, not the latest or the first', () => {
    const repo = fresh();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first').tag('web-bff@0.9.0');
    removeLabel(doc);
    repo
      .write('openapi/web-bff.json', doc)
      .commit('feat(web-bff)!: no label', 'apps/web-bff')
      .tag('web-bff@0.10.0');
    const result = runGate('web-bff', repo.dir);
    expect(result.lines[0]).toBe('web-bff: openapi/web-bff.json compared with web-bff@0.10.0');
    expect(result.changes).toEqual([]);
  });

  it('before the first release, compares with the merge base on main', () => {
    const repo = fresh();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first');
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '--quiet', '-b', 'feature');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit('feat(web-bff): no label', 'apps/web-bff');
    const result = runGate('web-bff', repo.dir);
    expect(result.lines[0]).toContain(`compared with ${base.slice(0, 12)} (merge base with main`);
    expect(result.ok).toBe(false);
  });

  it('reads a released document of more than 1 MiB in full', () => {
    const repo = fresh();
    const doc = committedDocument('web-bff');
    doc['info'].description = 'x'.repeat(1_500_000);
    repo.app('web-bff', doc).commit('feat(web-bff): first').tag('web-bff@0.1.0');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit('fix(web-bff): label', 'apps/web-bff');
    const result = runGate('web-bff', repo.dir);
    expect(result.ok).toBe(false);
    expect(result.changes.filter((c) => c.breaking)).toHaveLength(1);
  });

  describe('in a shallow clone, where the last release cannot be found', () => {
    const shallowClone = () => {
      const { dir } = released(removeLabel);
      const shallow = fresh();
      shallow.git('fetch', '--quiet', '--depth=1', `file://${dir}`, 'main');
      shallow.git('checkout', '--quiet', 'FETCH_HEAD');
      return shallow;
    };
    const saved = process.env['API_GATE_SHALLOW'];
    afterEach(() => {
      if (saved === undefined) delete process.env['API_GATE_SHALLOW'];
      else process.env['API_GATE_SHALLOW'] = saved;
    });

    it('fails', () => {
      delete process.env['API_GATE_SHALLOW'];
      const result = runGate('web-bff', shallowClone().dir);
      expect(result.ok).toBe(false);
      expect(result.lines.join('\n')).toContain('this clone is shallow');
    });

    it('says it skipped, when .ci/run could not fetch the history (API_GATE_SHALLOW=skip)', () => {
      process.env['API_GATE_SHALLOW'] = 'skip';
      const result = runGate('web-bff', shallowClone().dir);
      expect(result.ok).toBe(true);
      expect(result.lines).toEqual([
        expect.stringMatching(/^SKIPPED: web-bff: this clone is shallow/),
      ]);
    });
  });
});
