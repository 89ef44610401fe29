import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, ROOT } from './support/workspace';

/** Every property name anywhere below `node` (schemas, parameters, bodies). */
function names(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => names(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object')
        Object.keys(value).forEach((name) => found.add(name.toLowerCase()));
      if (key === 'name' && typeof value === 'string') found.add(value.toLowerCase());
      names(value, found);
    }
  }
  return found;
}

/**
 * Customers sign in at the identity provider (docs/identity.md): no service takes a password, as
 * each service's committed OpenAPI document says (and the e2e suite proves the documents equal to
 * what the services serve).
 */
describe('no service takes a password', () => {
  const documents = readdirSync(join(ROOT, 'openapi')).filter((f) => f.endsWith('.json'));

  it('checks every committed document', () => {
    expect(documents.sort()).toEqual(APPS.map((app) => `${app}.json`).sort());
  });

  it.each(documents)('%s names no password in any request, answer or schema', (file) => {
    const document = JSON.parse(readFileSync(join(ROOT, 'openapi', file), 'utf8'));
    const found = [...names(document)].filter((name) => /pass(word)?|credential/.test(name));
    expect(found).toEqual([]);
  });

  it('would notice one', () => {
    const planted = {
      paths: { '/x': { post: { requestBody: { properties: { password: {} } } } } },
    };
    expect([...names(planted)]).toContain('password');
  });
});
