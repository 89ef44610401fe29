// A throw-away git repository with a release history, for the tests of "the last released pact":
// on main, web-bff released 1.0.0 with `webPact` and changed its pact afterwards; mobile-bff never
// released and added its first pact on a branch, so at the merge base it has none.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReleaseFixture {
  dir: string;
  remove(): void;
}

export function releaseFixture(webPact: string, mobilePact: string): ReleaseFixture {
  const dir = mkdtempSync(join(tmpdir(), 'pact-releases-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  const write = (name: string, text: string) => writeFileSync(join(dir, 'pacts', name), text);
  mkdirSync(join(dir, 'pacts'));
  git('init', '-q', '-b', 'main');
  write('web-bff-core-api.json', webPact);
  git('add', '.');
  git('commit', '-qm', 'web-bff 1.0.0');
  git('tag', 'web-bff@1.0.0');
  // A later pre-release tag and a non-release tag are not "the last release".
  git('tag', 'web-bff@1.1.0-rc.1');
  write('web-bff-core-api.json', '{"changed": "after the release"}');
  git('commit', '-qam', 'web-bff changes its pact after releasing');
  git('checkout', '-q', '-b', 'feature');
  write('mobile-bff-core-api.json', mobilePact);
  git('add', '.');
  git('commit', '-qm', 'mobile-bff records its first pact');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
