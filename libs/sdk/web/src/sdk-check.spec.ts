import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `nx run web-sdk:sdk-check`, run by `npm test` through this lib's test target.
const ROOT = resolve(__dirname, '..', '..', '..', '..');
const check = (document?: string) => {
  const args = [join(ROOT, 'tools/scripts/sdk.mjs'), 'web-bff', '--check'];
  if (document) args.push('--document', document);
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('the generated web-bff types', () => {
  it('are what openapi/web-bff.json produces', () => {
    const { status, output } = check();
    expect(output).toContain('is current with openapi/web-bff.json');
    expect(status).toBe(0);
  });

  it('are found out of date when the document changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'web-sdk-'));
    try {
      const doc = JSON.parse(readFileSync(join(ROOT, 'openapi/web-bff.json'), 'utf8'));
      doc.components.schemas.ProblemDetailsDto.properties.hint = { type: 'string' };
      const changed = join(dir, 'web-bff.json');
      writeFileSync(changed, JSON.stringify(doc));
      const { status, output } = check(changed);
      expect(status).toBe(1);
      expect(output).toContain('Run: npx nx run web-sdk:sdk');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
