import { setFlagsFromString } from 'node:v8';

/** The V8 flag an operator passes (`node --allocation-site-pretenuring main.js`) to keep V8's default. */
export const KEEP_PRETENURING = '--allocation-site-pretenuring';

/**
 * Turns off V8's allocation-site pretenuring for this process, unless the command line asked to
 * keep it (`KEEP_PRETENURING`). Returns whether it was turned off.
 *
 * V8 starts allocating an object literal's site straight into the old generation once most of
 * that site's objects have survived a scavenge. A service under load has many requests in flight
 * at each scavenge, so the sites of per-request objects (the incoming request, a downstream
 * call's answer) cross that line, and the objects they then allocate in the old generation die
 * there a few milliseconds later. Until the next full collection those dead objects still point at
 * young ones (their headers, bodies, promises), which every scavenge must keep and soon promotes:
 * the pages' garbage ends up copied and promoted wholesale. Measured on web-bff as deployed
 * (docs/performance.md, ADR 0010): a fifth of each scavenge's bytes promoted and 8.6 ms per
 * scavenge with it, 1.3 MB and 3 ms without, and a sixth less CPU per page.
 *
 * Set from code, not the image's command line, so every way a service runs (`npm start`, the
 * tests, the bench, the image) collects garbage the same way. Called before the app's modules
 * are evaluated (node-check, the first import of every main.ts), so no site has been judged yet.
 */
export function turnOffPretenuring(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  if (execArgv.some((arg) => arg.replaceAll('_', '-') === KEEP_PRETENURING)) return false;
  setFlags('--no-allocation-site-pretenuring');
  return true;
}
