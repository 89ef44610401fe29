import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `nx run mobile-sdk:sdk-check`, run by `npm test` through this lib's test target.
const ROOT = resolve(__dirname, '..', '..', '..', '..');
const check = (document?: string) => {
  const args = [join(ROOT, 'tools/scripts/sdk.mjs'), 'mobile-bff', '--check'];
  if (document) args.push('--document', document);
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('the generated mobile-bff types', () => {
  it('are what openapi/mobile-bff.json produces', () => {
    const { status, output } = check();
    expect(output).toContain('is current with openapi/mobile-bff.json');
    expect(status).toBe(0);
  });

  it('are found out of date when the document changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mobile-sdk-'));
    try {
      const doc = JSON.parse(readFileSync(join(ROOT, 'openapi/mobile-bff.json'), 'utf8'));
      doc.components.schemas.ProblemDetailsDto.properties.hint = { type: 'string' };
      const changed = join(dir, 'mobile-bff.json');
      writeFileSync(changed, JSON.stringify(doc));
      const { status, output } = check(changed);
      expect(status).toBe(1);
      expect(output).toContain('Run: npx nx run mobile-sdk:sdk');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
