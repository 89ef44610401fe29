import type { Json } from '../testing/temp-repo';
import { op, schema, useRepos } from '../testing/gate-fixture';

/**
 * Planted breaks on copies of the committed documents: web-bff released as web-bff@0.1.0 in a
 * temporary git repository, a change committed on top, and the gate's verdict as in CI.
 */
describe('api-gate on planted changes', () => {
  const { released } = useRepos();

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
