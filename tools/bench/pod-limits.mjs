// The V8 heap settings a BFF gets inside a pod with a memory limit (deploy/k8s: 384 MiB), for
// `npm run bench`'s memory row.
//
// Rule: three quarters of the limit for V8's heap, a quarter left for everything that is not
// (code, stacks, Buffers and sockets outside the heap, the allocator's slack). Of the heap, the
// young generation takes 3 × the semi-space (V8 sizes it so: two semi-spaces plus as much again
// for new large objects), the semi-space being a power of two near 1/48 of the limit, 1 to 32 MiB
// (8 MiB at 384 MiB, V8's own default on 64-bit being 16); old space gets the rest.
// 384 MiB → --max-semi-space-size=8 --max-old-space-size=264.

/** `{ semiSpaceMiB, oldSpaceMiB, flags }` for a memory limit in MiB. */
export function heapSettingsFor(limitMiB) {
  if (!Number.isFinite(limitMiB) || limitMiB < 64)
    throw new Error(`a memory limit of at least 64 MiB is needed, got ${limitMiB}`);
  const semiSpaceMiB = Math.min(32, Math.max(1, 2 ** Math.floor(Math.log2(limitMiB / 48))));
  const oldSpaceMiB = Math.floor(limitMiB * 0.75) - 3 * semiSpaceMiB;
  return {
    semiSpaceMiB,
    oldSpaceMiB,
    flags: [`--max-old-space-size=${oldSpaceMiB}`, `--max-semi-space-size=${semiSpaceMiB}`],
  };
}
