import { type Json, TempRepo, committedDocument } from '../testing/temp-repo';
import { runGate } from './gate';

/**
 * The gate against real git: a repository in the temp folder holds web-bff's committed document,
 * released as web-bff@0.1.0; a change is planted on a copy of it and committed with a given
 * message; the gate then decides as it would in CI.
 */
describe('api-gate', () => {
  let repo: TempRepo;
  afterEach(() => repo?.remove());

  /** web-bff released at 0.1.0, then `plant` committed as `message` (touching apps/web-bff). */
  function released(
    plant: (doc: Json) => void,
    message = 'feat(web-bff): a change',
    app = 'web-bff',
  ) {
    repo = new TempRepo();
    const doc = committedDocument(app);
    repo.app(app, doc).commit(`feat(${app}): first release`).tag(`${app}@0.1.0`);
    plant(doc);
    repo.write(`openapi/${app}.json`, doc).commit(message, `apps/${app}`);
    return runGate(app, repo.dir);
  }

  const op = (doc: Json, path: string, method = 'get'): Json => doc['paths'][path][method];
  const schema = (doc: Json, name: string): Json => doc['components']['schemas'][name];

  const plants: [string, (doc: Json) => void, string][] = [
    [
      'a removed response field',
      (d) => {
        delete schema(d, 'AvailabilityDto')['properties'].label;
        schema(d, 'AvailabilityDto')['required'] = schema(d, 'AvailabilityDto')['required'].filter(
          (r: string) => r !== 'label',
        );
      },
      'ProductPage_get GET /api/pages/product/{id}: 200 response (application/json): field `availability.label` removed',
    ],
    [
      'a renamed query parameter',
      (d) =>
        (op(d, '/api/pages/category/{slug}')['parameters'].find(
          (p: Json) => p['name'] === 'brand',
        ).name = 'brandName'),
      'CategoryPage_get GET /api/pages/category/{slug}: query parameter `brand` removed (the server now rejects it)',
    ],
    [
      'a new required body field',
      (d) => {
        schema(d, 'CheckoutDto')['properties'].giftNote = { type: 'string' };
        schema(d, 'CheckoutDto')['required'] = ['giftNote'];
      },
      'Checkout_place POST /api/checkout: request body (application/json): field `giftNote` added as required',
    ],
    [
      'a removed operation',
      (d) => delete d['paths']['/api/pages/cart'].get,
      'CartPage_get GET /api/pages/cart: operation removed',
    ],
    [
      'a narrowed type',
      (d) =>
        (op(d, '/api/pages/category/{slug}')['parameters'].find(
          (p: Json) => p['name'] === 'brand',
        ).schema.type = 'integer'),
      'CategoryPage_get GET /api/pages/category/{slug}: query parameter `brand` type narrowed: string → integer',
    ],
    [
      'a removed enum value',
      (d) => (schema(d, 'CheckoutDto')['properties'].shipping.enum = ['standard']),
      'Checkout_place POST /api/checkout: request body (application/json): field `shipping` value "express" removed',
    ],
    [
      'an added security requirement',
      (d) => (op(d, '/api/pages/home')['security'] = [{ session: [] }]),
      'HomePage_get GET /api/pages/home: security requirement added: session (was none)',
    ],
  ];

  it.each(plants)('fails on %s, naming the operation and the change', (_name, plant, line) => {
    const result = released(plant);
    expect(result.ok).toBe(false);
    expect(result.lines).toContain(`  BREAKING   ${line}`);
    expect(result.lines.join('\n')).toContain('FAIL: ');
    expect(result.lines.join('\n')).toContain('docs/contracts.md');
  });

  it('passes an additive change: a new operation, an optional parameter, a new response field', () => {
    const result = released((d) => {
      d['paths']['/api/pages/wishlist'] = {
        get: { ...op(d, '/api/pages/cart'), operationId: 'WishlistPage_get' },
      };
      op(d, '/api/pages/home')['parameters'].push({
        name: 'preview',
        in: 'query',
        required: false,
        schema: { type: 'boolean' },
      });
      schema(d, 'AvailabilityDto')['properties'].restockDate = { type: 'string', format: 'date' };
    });
    expect(result.ok).toBe(true);
    expect(result.changes.length).toBeGreaterThanOrEqual(3);
    expect(result.changes.filter((c) => c.breaking)).toEqual([]);
    expect(result.lines).toContain(
      '  compatible WishlistPage_get GET /api/pages/wishlist: operation added',
    );
  });

  const removeLabel = (d: Json) => delete schema(d, 'AvailabilityDto')['properties'].label;

  it('passes a breaking change announced by `feat!:` (0.x: nx release makes it a minor, 0.1.0 → 0.2.0)', () => {
    const result = released(removeLabel, 'feat!: drop the availability label');
    expect(result.ok).toBe(true);
    expect(result.lines.at(-1)).toMatch(
      /^PASS: breaking changes are announced by \w+ "feat!: drop the availability label": nx release makes the next version 0\.2\.0 \(from 0\.1\.0\)\.$/,
    );
  });

  it('passes a breaking change announced by a BREAKING CHANGE: footer, scoped to the app', () => {
    const result = released(
      removeLabel,
      'refactor(web-bff): one label\n\nBREAKING CHANGE: the availability label is gone',
    );
    expect(result.ok).toBe(true);
  });

  it('makes a breaking 0.x release a major one when nx.json turns the 0.x adjustment off', () => {
    repo = new TempRepo();
    repo.write('nx.json', {
      release: { version: { adjustSemverBumpsForZeroMajorVersion: false } },
    });
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first').tag('web-bff@0.1.0');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit('feat(web-bff)!: no label', 'apps/web-bff');
    expect(runGate('web-bff', repo.dir).lines.at(-1)).toContain(
      'the next version 1.0.0 (from 0.1.0)',
    );
  });

  it('makes a breaking release of 1.x the next major', () => {
    repo = new TempRepo();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc, '1.4.2').commit('feat(web-bff): first').tag('web-bff@1.4.2');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit('feat(web-bff)!: no label', 'apps/web-bff');
    expect(runGate('web-bff', repo.dir).lines.at(-1)).toContain(
      'the next version 2.0.0 (from 1.4.2)',
    );
  });

  it.each([
    [
      'scoped to another project (nx counts it as a patch for web-bff)',
      'feat(core-api)!: no label',
      'apps/web-bff',
    ],
    ['that does not touch apps/web-bff', 'feat!: no label', undefined],
    ['before the release tag', undefined, undefined],
  ])('fails when the only breaking commit is %s', (_name, message, touching) => {
    repo = new TempRepo();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first');
    if (!message) repo.commit('feat(web-bff)!: an earlier break', 'apps/web-bff');
    repo.tag('web-bff@0.1.0');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit(message ?? 'fix: label', touching);
    expect(runGate('web-bff', repo.dir).ok).toBe(false);
  });

  it('compares with the highest release tag, not the latest or the first', () => {
    repo = new TempRepo();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first').tag('web-bff@0.9.0');
    removeLabel(doc);
    repo
      .write('openapi/web-bff.json', doc)
      .commit('feat(web-bff)!: no label', 'apps/web-bff')
      .tag('web-bff@0.10.0');
    const result = runGate('web-bff', repo.dir);
    expect(result.lines[0]).toBe('web-bff: openapi/web-bff.json compared with web-bff@0.10.0');
    expect(result.changes).toEqual([]);
  });

  it('before the first release, compares with the merge base on main', () => {
    repo = new TempRepo();
    const doc = committedDocument('web-bff');
    repo.app('web-bff', doc).commit('feat(web-bff): first');
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '--quiet', '-b', 'feature');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit('feat(web-bff): no label', 'apps/web-bff');
    const result = runGate('web-bff', repo.dir);
    expect(result.lines[0]).toContain(`compared with ${base.slice(0, 12)} (merge base with main`);
    expect(result.ok).toBe(false);
  });

  it('reads a released document of more than 1 MiB in full', () => {
    repo = new TempRepo();
    const doc = committedDocument('web-bff');
    doc['info'].description = 'x'.repeat(1_500_000);
    repo.app('web-bff', doc).commit('feat(web-bff): first').tag('web-bff@0.1.0');
    removeLabel(doc);
    repo.write('openapi/web-bff.json', doc).commit('fix(web-bff): label', 'apps/web-bff');
    const result = runGate('web-bff', repo.dir);
    expect(result.ok).toBe(false);
    expect(result.changes.filter((c) => c.breaking)).toHaveLength(1);
  });

  it('fails in a shallow clone, where the last release cannot be found', () => {
    released(removeLabel);
    const shallow = new TempRepo();
    try {
      shallow.git('fetch', '--quiet', '--depth=1', `file://${repo.dir}`, 'main');
      shallow.git('checkout', '--quiet', 'FETCH_HEAD');
      const result = runGate('web-bff', shallow.dir);
      expect(result.ok).toBe(false);
      expect(result.lines.join('\n')).toContain('this clone is shallow');
    } finally {
      shallow.remove();
    }
  });

  describe('each app', () => {
    it('core-api fails on a removed response field', () => {
      const result = released(
        (d) => delete schema(d, 'ProductDto')['properties'].name,
        'feat(core-api): rename',
        'core-api',
      );
      expect(result.ok).toBe(false);
      expect(result.lines).toContain(
        '  BREAKING   Products_get GET /products/{id}: 200 response (application/json): field `name` removed',
      );
    });

    /** mobile-bff with a /v3 beside /v2 (a copy of each /v2 path), with or without /v1. */
    const v3 = (dropV1: boolean) => (d: Json) => {
      for (const [path, item] of Object.entries<Json>({ ...d['paths'] })) {
        if (path.startsWith('/v2/')) {
          const copy = JSON.parse(JSON.stringify(item).replace(/_v2"/g, '_v3"'));
          d['paths'][path.replace('/v2/', '/v3/')] = copy;
        }
        if (dropV1 && path.startsWith('/v1/')) delete d['paths'][path];
      }
    };

    it('mobile-bff passes a new API version while the old ones keep answering', () => {
      const result = released(v3(false), 'feat(mobile-bff): API v3', 'mobile-bff');
      expect(result.ok).toBe(true);
      expect(result.lines).toContain(
        '  compatible HomeScreen_get_v3 GET /v3/screens/home: operation added',
      );
    });

    it('mobile-bff fails when v1 stops answering as v3 arrives', () => {
      const result = released(v3(true), 'feat(mobile-bff): API v3, v1 retired', 'mobile-bff');
      expect(result.ok).toBe(false);
      expect(result.lines).toContain(
        '  BREAKING   HomeScreen_get_v1 GET /v1/screens/home: operation removed',
      );
      expect(
        result.lines.filter((l) => l.startsWith('  BREAKING ')).every((l) => l.includes(' /v1/')),
      ).toBe(true);
    });

    it('mobile-bff fails on a query parameter narrowed from number to integer', () => {
      const result = released(
        (d) =>
          (d['paths']['/v2/screens/home'].get.parameters.find(
            (p: Json) => p['name'] === 'dpr',
          ).schema.type = 'integer'),
        'feat(mobile-bff): whole dpr',
        'mobile-bff',
      );
      expect(result.lines).toContain(
        '  BREAKING   HomeScreen_get_v2 GET /v2/screens/home: query parameter `dpr` type narrowed: number → integer',
      );
    });
  });
});
