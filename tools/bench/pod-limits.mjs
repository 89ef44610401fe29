// The V8 heap settings a service gets inside a pod with a memory limit (deploy/k8s: 384 MiB for a
// BFF), for `npm run bench`'s memory row. They are not computed here: the image's
// entry point, tools/docker/heap-from-limit.sh, is run against a stand-in cgroup folder holding
// the limit, so the bench measures exactly the flags a container gets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './procs.mjs';

const HEAP_SCRIPT = join(root, 'tools', 'docker', 'heap-from-limit.sh');

/** `{ limitMiB, flags }`: the node flags heap-from-limit.sh adds under a `limitMiB` memory limit. */
export function heapSettingsFor(limitMiB) {
  if (!Number.isInteger(limitMiB) || limitMiB < 64)
    throw new Error(`a memory limit of at least 64 MiB is needed, got ${limitMiB}`);
  const cgroup = mkdtempSync(join(tmpdir(), 'bench-cgroup-'));
  try {
    writeFileSync(join(cgroup, 'memory.max'), `${limitMiB * 1024 * 1024}\n`);
    const options = execFileSync('sh', [HEAP_SCRIPT, 'sh', '-c', 'printf %s "$NODE_OPTIONS"'], {
      env: { PATH: process.env.PATH, NODE_HEAP_CGROUP_DIR: cgroup },
      encoding: 'utf8',
    });
    return { limitMiB, flags: options.split(' ').filter(Boolean) };
  } finally {
    rmSync(cgroup, { recursive: true, force: true });
  }
}

/** The memory limit of `app`'s container in deploy/k8s (its base Deployment), in MiB. */
export function podLimitMiB(app) {
  const manifest = readFileSync(
    join(root, 'deploy', 'k8s', app, 'base', 'deployment.yaml'),
    'utf8',
  );
  const limits = manifest.split(/^\s*limits:\s*$/m)[1] ?? '';
  const memory = /^\s*memory:\s*'?(\d+)Mi'?\s*$/m.exec(limits);
  if (!memory) throw new Error(`deploy/k8s/${app}/base/deployment.yaml: no memory limit in Mi`);
  return Number(memory[1]);
}
