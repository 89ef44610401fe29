import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSecret } from './dev-secret';

describe('devSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dev-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the secret once, owner-readable only, and reads the same one after', () => {
    const first = devSecret(join(dir, 'keys'), 'web-bff.oidc-client-secret');
    expect(first.created).toBe(true);
    expect(first.value).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const second = devSecret(join(dir, 'keys'), 'web-bff.oidc-client-secret');
    expect(second).toEqual({ ...first, created: false });
    expect(readFileSync(first.file, 'utf8')).toBe(first.value);
  });

  it('keeps secrets of different names apart', () => {
    expect(devSecret(dir, 'a').value).not.toBe(devSecret(dir, 'b').value);
  });

  it('refuses a name that could leave the folder', () => {
    expect(() => devSecret(dir, '../x')).toThrow('bad development secret name');
  });
});
