import type { ChangelogChange } from 'nx/release/changelog-renderer';
import { type Json, TempRepo, committedDocument } from '../testing/temp-repo';
import ApiChangelogRenderer from './api-changelog-renderer';

/** The renderer as nx release builds it, pointed at a temporary repository. */
function renderer(root: string, changes: ChangelogChange[], project = 'web-bff') {
  const Renderer = class extends ApiChangelogRenderer {
    protected override root = root;
  };
  return new Renderer({
    changes,
    changelogEntryVersion: '0.2.0',
    project,
    entryWhenNoChanges: false,
    isVersionPlans: false,
    changelogRenderOptions: { authors: false, versionTitleDate: false },
    conventionalCommitsConfig: {
      useCommitScope: true,
      types: {
        feat: { semverBump: 'minor', changelog: { title: '🚀 Features', hidden: false } },
        fix: { semverBump: 'patch', changelog: { title: '🩹 Fixes', hidden: false } },
      },
    },
    // No remote repository: the renderer then links nothing.
    remoteReleaseClient: { getRemoteRepoData: () => null } as never,
  });
}

const commit = (description: string, isBreaking = false): ChangelogChange => ({
  type: 'feat',
  scope: 'web-bff',
  description,
  affectedProjects: ['web-bff'],
  isBreaking,
  body: '',
});

describe('ApiChangelogRenderer', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  function releasedThenChanged(plant: (doc: Json) => void) {
    repo = new TempRepo();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first').tag('web-bff@0.1.0');
    plant(doc);
    repo.write('openapi/web-bff.json', doc);
    return repo.dir;
  }

  it("adds the API changes since the last release after the commits' entry", async () => {
    const root = releasedThenChanged((d) => {
      delete d['paths']['/api/pages/cart'].get;
      d['components']['schemas']['AvailabilityDto']['properties'].restockDate = { type: 'string' };
    });
    const entry = await renderer(root, [commit('no cart page', true)]).render();
    expect(entry).toContain('## 0.2.0');
    expect(entry).toContain('no cart page');
    const section = entry.slice(entry.indexOf('### API changes'));
    expect(section.split('\n')).toEqual(
      expect.arrayContaining([
        '`openapi/web-bff.json` compared with web-bff@0.1.0:',
        '- ⚠️ **breaking** `CartPage_get GET /api/pages/cart`: operation removed',
        '- `ProductPage_get GET /api/pages/product/{id}`: 200 response (application/json): field `availability.restockDate` added',
      ]),
    );
    // Breaking changes come first.
    expect(section.indexOf('operation removed')).toBeLessThan(section.indexOf('restockDate'));
  });

  it('adds nothing when the document did not change', async () => {
    const root = releasedThenChanged(() => undefined);
    const entry = await renderer(root, [commit('faster pages')]).render();
    expect(entry).toContain('faster pages');
    expect(entry).not.toContain('API changes');
  });

  it('adds nothing for a project without a document', async () => {
    const root = releasedThenChanged((d) => delete d['paths']['/api/pages/cart'].get);
    const entry = await renderer(root, [commit('a library change')], 'platform-problem').render();
    expect(entry).not.toContain('API changes');
  });
});
