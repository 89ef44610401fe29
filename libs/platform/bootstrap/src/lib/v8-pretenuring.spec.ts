import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { KEEP_PRETENURING, turnOffPretenuring } from './v8-pretenuring';

type Collect = (options: { type: 'minor' | 'major' }) => void;

const oldSpaceUsed = (): number =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;

/**
 * Bytes of old space that `count` new objects from one allocation site took without being
 * promoted: the site first sees its objects survive scavenges (they are kept), then allocates
 * more. A fresh function each time, so each measurement has an allocation site of its own.
 */
function pretenuredBytes(collect: Collect, count: number, alive: unknown[]): number {
  const make = new Function('i', 'return { id: i, part: { id: i } };') as (i: number) => unknown;
  const kept: unknown[] = [];
  for (let round = 0; round < 20; round++) {
    for (let i = 0; i < 20_000; i++) kept.push(make(i));
    collect({ type: 'minor' });
  }
  collect({ type: 'major' });
  const before = oldSpaceUsed();
  const more: unknown[] = new Array(count);
  for (let i = 0; i < count; i++) more[i] = make(i);
  const grown = oldSpaceUsed() - before;
  alive.push(kept, more); // kept alive until measured
  return grown;
}

describe('turnOffPretenuring', () => {
  it('turns V8 pretenuring off unless the command line keeps it, in either spelling', () => {
    const set: string[] = [];
    expect(turnOffPretenuring(['--enable-source-maps'], (f) => set.push(f))).toBe(true);
    expect(set).toEqual(['--no-allocation-site-pretenuring']);
    expect(turnOffPretenuring([KEEP_PRETENURING], (f) => set.push(f))).toBe(false);
    expect(turnOffPretenuring(['--allocation_site_pretenuring'], (f) => set.push(f))).toBe(false);
    expect(set).toHaveLength(1);
  });

  it("stops V8 allocating a site's objects in the old generation", () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as Collect;
    const count = 100_000; // ~8 MB of objects of two properties each
    const alive: unknown[] = [];
    try {
      // The control: with V8's default the site is pretenured, so the new objects land in old space.
      const withDefault = pretenuredBytes(collect, count, alive);
      expect(withDefault).toBeGreaterThan(count * 20);

      expect(turnOffPretenuring([])).toBe(true);
      const turnedOff = pretenuredBytes(collect, count, alive);
      expect(turnedOff).toBeLessThan(withDefault / 10);
    } finally {
      alive.length = 0;
      setFlagsFromString(KEEP_PRETENURING); // leave this test worker as it was
    }
  });
});
