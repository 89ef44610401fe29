// `node --require tools/bench/startup-require-hook.cjs dist/apps/<app>/main.js`: times every
// CommonJS load and, when the process exits, writes to STARTUP_REQUIRE_PROFILE (a JSON file) the
// self time of the loads by npm package (a package's own files, not those it requires in turn),
// largest first. Used by startup-profile.mjs --by-package.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const out = process.env.STARTUP_REQUIRE_PROFILE;
const byPackage = new Map();
const seen = new Set();
const stack = [];

function packageOf(filename) {
  const at = filename.lastIndexOf('node_modules/');
  if (at < 0) return filename.includes('/dist/apps/') ? '(the app bundle)' : '(other)';
  const parts = filename.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

const load = Module._load;
Module._load = function timedLoad(request, parent, isMain) {
  let filename;
  try {
    filename = Module._resolveFilename(request, parent, isMain);
  } catch {
    return load.apply(this, arguments);
  }
  if (seen.has(filename) || !filename.includes('/')) return load.apply(this, arguments);
  seen.add(filename);
  const frame = { children: 0 };
  stack.push(frame);
  const started = process.hrtime.bigint();
  try {
    return load.apply(this, arguments);
  } finally {
    const inclusive = Number(process.hrtime.bigint() - started) / 1e6;
    stack.pop();
    if (stack.length) stack[stack.length - 1].children += inclusive;
    const pkg = packageOf(filename);
    const row = byPackage.get(pkg) ?? { pkg, ms: 0, count: 0 };
    row.ms += inclusive - frame.children;
    row.count += 1;
    byPackage.set(pkg, row);
  }
};

function write() {
  if (!out) return;
  const rows = [...byPackage.values()].sort((a, b) => b.ms - a.ms);
  writeFileSync(out, JSON.stringify(rows));
}
process.on('exit', write);
