import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { op, useRepos } from '../testing/gate-fixture';
import type { Json } from '../testing/temp-repo';
import { accept, acceptedPath } from './accepted';
import { runGate } from './gate';

// A request bound the server always enforced, now declared: reads as a narrowing, breaks no one.
// (The committed document declares `minLength: 1`; the fixture's server refused one letter too.)
const declareNonEmptyBrand = (d: Json) =>
  (op(d, '/api/pages/category/{slug}')['parameters'].find(
    (p: Json) => p['name'] === 'brand',
  ).schema.minLength = 2);
const LINE =
  'CategoryPage_get GET /api/pages/category/{slug}: query parameter `brand` narrowed: minLength 1 → 2';
const REASON = 'the server always answered 400 to a one-letter brand';

describe('accepted breaking changes (apps/<app>/api-accepted.json)', () => {
  const { released } = useRepos();

  const file = (comparedWith: string, change = LINE) => ({
    comparedWith,
    changes: [{ change, reason: REASON }],
  });

  /** web-bff released at 0.1.0; the break and the accepted file committed together. */
  const gate = (accepted: Json) =>
    released(declareNonEmptyBrand, 'fix(web-bff): declare the brand rule', 'web-bff', {
      [acceptedPath('web-bff')]: accepted,
    });

  it('lets through a breaking change accepted for this comparison, showing the reason', () => {
    const result = gate(file('0.1.0'));
    expect(result.ok).toBe(true);
    expect(result.lines).toContain(`  accepted   ${LINE} (${REASON})`);
    expect(result.lines.at(-1)).toBe('PASS: every breaking change is accepted.');
  });

  it('ignores, and says so, a file written for another release', () => {
    const result = gate(file('0.0.9'));
    expect(result.ok).toBe(false);
    expect(result.lines).toContain(`  BREAKING   ${LINE}`);
    expect(result.lines.join('\n')).toContain('was for the comparison with 0.0.9, not 0.1.0');
  });

  it('accepts only the exact change it names', () => {
    const result = gate(file('0.1.0', LINE.replace('`brand`', '`sort`')));
    expect(result.ok).toBe(false);
    expect(result.blocking.map((c) => `${c.operation}: ${c.message}`)).toEqual([LINE]);
  });

  it('writes what it finds with accept(), after which the gate passes', () => {
    const first = released(declareNonEmptyBrand, 'fix(web-bff): declare the brand rule');
    expect(first.ok).toBe(false);
    accept(first.dir, 'web-bff', first.version, first.blocking, REASON);
    expect(JSON.parse(readFileSync(join(first.dir, acceptedPath('web-bff')), 'utf8'))).toEqual({
      comparedWith: '0.1.0',
      changes: [{ change: LINE, reason: REASON }],
    });
    expect(runGate('web-bff', first.dir).ok).toBe(true);
  });
});
