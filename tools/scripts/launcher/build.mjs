import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built entry points `npm start` runs. */
export const builtMain = (root, name) => join(root, 'dist', 'apps', name, 'main.js');

/**
 * Builds the services with Nx (plain output: its full-screen view would fight the launcher's),
 * unless `skipBuild` is set and every service is already built. Resolves the exit code (0: ready).
 * `builds.current` is the running build while there is one.
 */
export function buildServices({ root, settings, print, builds }) {
  const names = settings.services.map((s) => s.name);
  const missing = names.filter((name) => !existsSync(builtMain(root, name)));
  if (settings.skipBuild && missing.length === 0) {
    print('Using the existing build in dist/ (START_SKIP_BUILD=1).');
    return Promise.resolve(0);
  }
  if (settings.skipBuild)
    print(`START_SKIP_BUILD=1, but ${missing.join(', ')} is not built yet: building.`);
  print(`Building ${names.join(', ')}…`);
  const child = spawn(
    join(root, 'node_modules', '.bin', 'nx'),
    ['run-many', '-t', 'build', '-p', ...names],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    },
  );
  builds.current = child;
  return new Promise((resolve) => {
    child.once('error', (error) => {
      print(`Could not run the build: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      builds.current = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Ends a running build (Nx ends the tasks it started); resolves once it has exited. */
export function stopBuild(builds) {
  const child = builds.current;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return exited.finally(() => clearTimeout(timer));
}
