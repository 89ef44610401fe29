import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommittedPact } from './committed-pact';

const interaction = (description: string, status = 200) => ({
  description,
  request: { method: 'GET', path: '/x' },
  response: { status },
});
const pact = (versions: string, ...interactions: object[]) => ({
  consumer: { name: 'web-bff' },
  provider: { name: 'core-api' },
  interactions,
  metadata: { pactRust: { ffi: versions }, pactSpecification: { version: '4.0' } },
});

describe('a committed pact held to the one a consumer test records', () => {
  const dir = mkdtempSync(join(tmpdir(), 'committed-pact-'));
  const recorded = join(dir, 'recorded.json');
  const committed = join(dir, 'committed.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const given = (now: object, before: object | undefined) => {
    writeFileSync(recorded, JSON.stringify(now));
    rmSync(committed, { force: true });
    if (before) writeFileSync(committed, JSON.stringify(before));
  };

  it('passes when only Pact’s own versions or the order of interactions differ', async () => {
    given(
      pact('0.5.8', interaction('a'), interaction('b')),
      pact('0.4.0', interaction('b'), interaction('a')),
    );
    expect(await checkCommittedPact(recorded, committed, false)).toEqual([]);
  });

  it('names each interaction added, removed or changed since the commit', async () => {
    given(
      pact('1', interaction('kept'), interaction('changed', 404), interaction('new')),
      pact('1', interaction('kept'), interaction('changed'), interaction('gone')),
    );
    expect(await checkCommittedPact(recorded, committed, false)).toEqual(
      ['changed: changed', 'added: new', 'removed: gone'].sort((a, b) =>
        a.split(': ')[1]!.localeCompare(b.split(': ')[1]!),
      ),
    );
  });

  it('fails when nothing is committed, and UPDATE_PACTS writes the recorded pact, formatted', async () => {
    given(pact('1', interaction('a')), undefined);
    expect(await checkCommittedPact(recorded, committed, false)).toEqual([
      `${committed} does not exist`,
    ]);
    expect(await checkCommittedPact(recorded, committed, true)).toEqual([]);
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(pact('1', interaction('a')));
    expect(readFileSync(committed, 'utf8')).toMatch(/\n {2}"consumer": \{ "name": "web-bff" \},\n/);
  });
});
