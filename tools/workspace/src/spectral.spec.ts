import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Finding, lint, RULESET, summarize } from './support/spectral';
import { APPS, ROOT } from './support/workspace';

const documentOf = (app: string) => join(ROOT, 'openapi', `${app}.json`);
const errorsIn = (findings: Finding[], file: string) =>
  findings.filter((f) => f.severity === 0 && f.source === file);

/**
 * Issue 17: every committed OpenAPI document passes Spectral's `spectral:oas` and the OWASP API
 * Security Top 10 2023 rules with zero errors, under the committed ruleset (`.spectral.yaml`),
 * where every rule switched off says why. A failure lists each rule broken, how often and where.
 */
describe('Spectral on the committed OpenAPI documents', () => {
  let findings: Finding[];

  // One Spectral run over every deployable app's document: generous, as the machine may be busy.
  beforeAll(() => {
    findings = lint(APPS.map(documentOf));
  }, 180_000);

  it.each(APPS)('%s has no error', (app) => {
    expect(summarize(errorsIn(findings, documentOf(app)))).toEqual([]);
  });

  it('fails a document with an unbounded parameter or body field, an untyped integer or an unprotected write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spectral-'));
    try {
      const document = JSON.parse(readFileSync(documentOf('core-api'), 'utf8'));
      type Parameter = { name: string; schema: Record<string, unknown> };
      const parameter = (path: string, name: string): Parameter =>
        document.paths[path].get.parameters.find((p: Parameter) => p.name === name);
      delete parameter('/products', 'brand').schema['maxLength'];
      delete parameter('/products/{id}', 'id').schema['format'];
      delete document.paths['/orders'].post.security;
      // A body schema is a component the operation refers to: it is an input all the same.
      delete document.components.schemas.LinkCustomerDto.properties.email.maxLength;
      const planted = join(dir, 'core-api.json');
      writeFileSync(planted, JSON.stringify(document));

      const where = errorsIn(lint([planted]), planted).map((f) => `${f.code} ${f.path.join('/')}`);
      expect(where).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^request-string-limit paths\/\/products\/get\/parameters\/\d+\/schema$/,
          ),
          expect.stringMatching(
            /^request-integer-format paths\/\/products\/\{id\}\/get\/parameters\/0\/schema$/,
          ),
          expect.stringMatching(/^owasp:api2:2023-write-restricted paths\/\/orders\/post$/),
          'request-string-limit components/schemas/LinkCustomerDto/properties/email',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('fails a BFF answer a rate-limit guard counted that declares no rate-limit header, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spectral-'));
    try {
      const document = JSON.parse(readFileSync(documentOf('web-bff'), 'utf8'));
      const answers = document.paths['/api/pages/product/{id}'].get.responses;
      delete answers['200'].headers['X-RateLimit-Limit'];
      // 413, 414, 415 and 426 are given before the guard: leaving them bare is no error.
      expect(answers['414']).toBeDefined();
      answers['414'].headers = {};
      const planted = join(dir, 'web-bff.json');
      writeFileSync(planted, JSON.stringify(document));

      // (The ruleset's per-path overrides name openapi/web-bff.json, not this copy: only the
      // planted operation's findings count here.)
      const where = errorsIn(lint([planted]), planted)
        .map((f) => `${f.code} ${f.path.join('/')}`)
        .filter((line) => line.includes('/api/pages/product/{id}/'));
      expect(where).toEqual([
        'rate-limit-headers paths//api/pages/product/{id}/get/responses/200/headers',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("exempts every BFF document's probes and metrics, a generated one's too, and only those paths", () => {
    // The ruleset copied beside an openapi/ folder holding a new BFF's document (mobile-bff's,
    // renamed), and the same document outside it: the overrides match the first by their glob only.
    const dir = mkdtempSync(join(tmpdir(), 'spectral-'));
    try {
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      copyFileSync(RULESET, join(dir, '.spectral.yaml'));
      mkdirSync(join(dir, 'openapi'));
      mkdirSync(join(dir, 'elsewhere'));
      const generated = join(dir, 'openapi', 'partner-bff.json');
      const outside = join(dir, 'elsewhere', 'partner-bff.json');
      for (const file of [generated, outside]) copyFileSync(documentOf('mobile-bff'), file);
      const operational = /^paths\/\/(health\/live|health\/ready|metrics)\//;
      const rateLimitErrors = (file: string, findings: Finding[]) =>
        errorsIn(findings, file)
          .filter((f) => f.code === 'rate-limit-headers')
          .map((f) => f.path.join('/'));

      const findings = lint([generated, outside], join(dir, '.spectral.yaml'));
      expect(rateLimitErrors(generated, findings)).toEqual([]);
      const unexempted = rateLimitErrors(outside, findings);
      expect(unexempted.length).toBeGreaterThan(0);
      expect(unexempted.every((path) => operational.test(path))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('says why beside every rule the ruleset switches off', () => {
    expect(unexplainedSwitches(readFileSync(RULESET, 'utf8'))).toEqual([]);
    const planted =
      'rules:\n  # why\n  a: off\n  x:a: warn\nrules:\n  b: off\n  c:\n    severity: warn\n';
    expect(unexplainedSwitches(planted)).toEqual(['b']);
  });
});

/**
 * Rules set to `off` or `warn` with no comment above them: the lines between the switch and the
 * comment may only be other switches and an override's `files`/`rules` lines (one reason can
 * cover a group).
 */
function unexplainedSwitches(ruleset: string): string[] {
  const lines = ruleset.split('\n');
  // `severity: warn` inside a rule of our own is not a switch.
  const switched = (line: string) =>
    /^\s+(?!severity:)([\w:.-]+):\s*(off|warn|info|hint)\s*$/.exec(line)?.[1];
  const isSwitch = (line: string) => switched(line) !== undefined;
  const isOverrideFrame = (line: string) => /^\s+(- files:|files:|rules:|- '[^']+')\s*$/.test(line);
  const unexplained: string[] = [];
  lines.forEach((line, index) => {
    if (!isSwitch(line)) return;
    let above = index - 1;
    while (above >= 0 && (isSwitch(lines[above] ?? '') || isOverrideFrame(lines[above] ?? '')))
      above--;
    if (!/^\s*#/.test(lines[above] ?? '')) unexplained.push(switched(line) ?? line);
  });
  return unexplained;
}
