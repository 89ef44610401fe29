// `npm run bench`'s start-up rows (BENCH_ROWS=startup): spawn → first 200 from `/health/ready`
// (on the admin port, as the kubelet asks it), median of BENCH_STARTS (5) starts, each BFF as
// deployed against the stub (which answers core-api's liveness), and core-api on PostgreSQL when
// DATABASE_URL is set. Issue 20's targets: ≤ 1.0 s per BFF, ≤ 1.5 s for core-api on PostgreSQL.
// Each app starts as its image does: with Node's compile cache (NODE_COMPILE_CACHE) in a folder of
// its own, filled before the timed starts by the image's own warm-up step (tools/docker/app.Dockerfile:
// `node -r warm-compile-cache.cjs main.js` with development settings, exiting before it listens).
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { OFFLINE_RUN_ENV } from '../scripts/offline-run-env.mjs';
import { median, verdict } from './load.mjs';
import { asDeployed, productionEnv } from './production.mjs';
import { freePort, root, start, stop, waitFor } from './procs.mjs';

const STARTS = Number(process.env.BENCH_STARTS ?? 5);

/** ms from spawn to the first 2xx of `readyUrl`, polled every 10 ms. */
async function timeStart(name, args, env, readyUrl, options) {
  const started = performance.now();
  const proc = start(name, args, env, options);
  await waitFor(readyUrl, proc, 60_000, 10);
  const ms = performance.now() - started;
  await stop(proc);
  return ms;
}

const mainOf = (app) => join(root, 'dist', 'apps', app, 'main.js');

/**
 * A fresh compile-cache folder for `app`, filled as the image build fills it: one untimed run of
 * main.js under tools/docker/warm-compile-cache.cjs with the Dockerfile's settings.
 */
function imageCompileCache(app, dir) {
  const cache = mkdtempSync(join(dir, `${app}-compile-cache-`));
  const warm = spawnSync(
    process.execPath,
    ['-r', join(root, 'tools', 'docker', 'warm-compile-cache.cjs'), mainOf(app)],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        NODE_COMPILE_CACHE: cache,
        ...OFFLINE_RUN_ENV,
        SERVICE_KEYS_DIR: mkdtempSync(join(dir, `${app}-warm-keys-`)),
      },
    },
  );
  if (warm.status !== 0) throw new Error(`warming ${app}'s compile cache failed:\n${warm.stderr}`);
  return cache;
}

async function series(name, make) {
  const times = [];
  for (let i = 0; i < STARTS; i++) times.push(await make());
  const line = `${name.padEnd(34)}${median(times).toFixed(0).padStart(7)} ms   (each: ${times.map((t) => t.toFixed(0)).join(', ')})`;
  console.log(line);
  return median(times) / 1000;
}

/** core-api as deployed (production, admin port, no demo seed) against DATABASE_URL. */
async function coreApiEnv(databaseUrl) {
  const spki = generateKeyPairSync('ed25519')
    .publicKey.export({ format: 'der', type: 'spki' })
    .toString('base64');
  const [port, adminPort] = [await freePort(), await freePort()];
  return {
    adminUrl: `http://127.0.0.1:${adminPort}`,
    env: {
      ...asDeployed(port, adminPort),
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '10',
      SEED_DEMO_DATA: 'false',
      SERVICE_TOKEN_PUBLIC_KEYS: `web-bff:${spki},mobile-bff:${spki}`,
    },
  };
}

export async function startupRows(ctx) {
  console.log(
    `start-up: spawn → /health/ready 200, median of ${STARTS} starts (stdout to a file), ` +
      `compile cache warmed as the image warms it`,
  );
  const verdicts = [];
  for (const app of ['web-bff', 'mobile-bff']) {
    const cache = imageCompileCache(app, ctx.dir);
    const s = await series(`${app} (production, stub up)`, async () => {
      const prod = await productionEnv(app, { ...ctx, port: await freePort() });
      return timeStart(
        app,
        [mainOf(app)],
        { ...prod.env, NODE_COMPILE_CACHE: cache },
        `${prod.adminUrl}/health/ready`,
        { stdoutFile: prod.logFile },
      );
    });
    verdicts.push(verdict(`${app} ready`, s, '<=', 1.0, ' s'));
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const cache = imageCompileCache('core-api', ctx.dir);
    const s = await series('core-api (production, PostgreSQL)', async () => {
      const core = await coreApiEnv(databaseUrl);
      return timeStart(
        'core-api',
        [mainOf('core-api')],
        { ...core.env, NODE_COMPILE_CACHE: cache },
        `${core.adminUrl}/health/ready`,
        { stdoutFile: join(ctx.dir, 'core-api.log') },
      );
    });
    verdicts.push(verdict('core-api on PostgreSQL ready', s, '<=', 1.5, ' s'));
  } else {
    console.log('core-api on PostgreSQL: skipped (DATABASE_URL is not set)');
  }
  console.log('issue 20, target 2:');
  for (const line of verdicts) console.log(`  ${line}`);
  console.log('');
}
