import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { APPS, BFFS } from './support/workspace';

const ROOT = resolve(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'tools', 'docker', 'heap-from-limit.sh');
const MiB = 1024 * 1024;

/**
 * Runs the images' entry point against a stand-in cgroup folder and answers the NODE_OPTIONS it
 * hands to the command. `files`: paths under the folder and their contents.
 */
function nodeOptionsUnder(files: Record<string, string>, nodeOptions?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cgroup-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    return execFileSync('sh', [SCRIPT, 'sh', '-c', 'printf %s "$NODE_OPTIONS"'], {
      env: {
        PATH: process.env['PATH'],
        NODE_HEAP_CGROUP_DIR: dir,
        ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }),
      },
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The memory limit of a service's container in its base Deployment, in MiB. */
function podLimitMiB(app: string): number {
  const manifest = readFileSync(join(ROOT, 'deploy/k8s', app, 'base/deployment.yaml'), 'utf8');
  const limits = manifest.split(/^\s*limits:\s*$/m)[1] ?? '';
  return Number(/^\s*memory:\s*'?(\d+)Mi'?\s*$/m.exec(limits)?.[1]);
}

describe('heap-from-limit.sh (the images’ entry point)', () => {
  it.each([
    [384, '--max-old-space-size=240 --max-semi-space-size=16'],
    [512, '--max-old-space-size=336 --max-semi-space-size=16'],
    [256, '--max-old-space-size=168 --max-semi-space-size=8'],
    [128, '--max-old-space-size=96'],
  ])(
    'sizes the heap from a cgroup v2 limit of %i MiB: young generation first, old space within ¾',
    (mib, flags) => {
      expect(nodeOptionsUnder({ 'memory.max': `${mib * MiB}\n` })).toBe(flags);
    },
  );

  it('reads a cgroup v1 limit, and adds nothing without a limit', () => {
    expect(nodeOptionsUnder({ 'memory/memory.limit_in_bytes': `${384 * MiB}\n` })).toBe(
      '--max-old-space-size=240 --max-semi-space-size=16',
    );
    expect(nodeOptionsUnder({ 'memory.max': 'max\n' })).toBe('');
    expect(nodeOptionsUnder({ 'memory/memory.limit_in_bytes': '9223372036854771712\n' })).toBe('');
    expect(nodeOptionsUnder({})).toBe('');
  });

  it('keeps what NODE_OPTIONS already says, flag by flag', () => {
    expect(nodeOptionsUnder({ 'memory.max': `${384 * MiB}` }, '--max-semi-space-size=8')).toBe(
      '--max-semi-space-size=8 --max-old-space-size=240',
    );
    expect(
      nodeOptionsUnder(
        { 'memory.max': `${384 * MiB}` },
        '--enable-source-maps --max-old-space-size=100',
      ),
    ).toBe('--enable-source-maps --max-old-space-size=100 --max-semi-space-size=16');
  });

  it.each(APPS)(
    '%s: the heap it gets in its pod leaves a quarter of the limit to the rest',
    (app) => {
      const mib = podLimitMiB(app);
      expect(mib).toBeGreaterThanOrEqual(BFFS.includes(app) ? 384 : 256);
      const flags = nodeOptionsUnder({ 'memory.max': `${mib * MiB}` });
      const old = Number(/--max-old-space-size=(\d+)/.exec(flags)?.[1]);
      const semi = Number(/--max-semi-space-size=(\d+)/.exec(flags)?.[1]);
      expect(old + 3 * semi).toBe(Math.floor((mib * 3) / 4));
      expect(old).toBeGreaterThanOrEqual(128);
    },
  );
});
