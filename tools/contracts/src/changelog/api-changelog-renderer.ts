import { workspaceRoot } from '@nx/devkit';
import DefaultChangelogRenderer from 'nx/release/changelog-renderer';
import { apiChangesSection } from './api-changes';

/**
 * nx release's changelog renderer (nx.json `release.changelog.projectChangelogs.renderer`): the
 * default entry from the conventional commits, followed by the API changes since the app's last
 * release, so a team reads in its changelog what its clients will notice.
 */
export default class ApiChangelogRenderer extends DefaultChangelogRenderer {
  /** Where the repository is: the workspace nx runs in (a test points it elsewhere). */
  protected root = workspaceRoot;

  override async render(): Promise<string> {
    const entry = await super.render();
    const section = this.project && entry ? apiChangesSection(this.project, this.root) : '';
    return section ? `${entry}\n\n${section}` : entry;
  }
}
