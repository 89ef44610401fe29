import { aProduct, aProductParts, aRatingSummary, anInventory } from '@bff/core-client/testing';
import { toPageCursor } from '@bff/bff-kit';
import { formatMoney } from '../../shaping/money.shaper';
import { toAvailability, toProductPage, toRating } from './product-page.shaper';

describe('product page shaping', () => {
  const page = () =>
    toProductPage(
      aProductParts({
        product: { id: 7, price: { amountMinor: 123456, currency: 'EUR' } },
        reviews: [{ id: 3 }, { id: 2 }],
        nextCursor: 'next-cursor',
        ratings: { '5': 3, '4': 1 },
        stock: { central: 2, north: 0 },
        related: [8, 9],
      }),
    );

  it('keeps the full product with every image width and readable attributes', () => {
    const { product } = page();
    expect(product.images.map((i) => i.width)).toEqual([160, 320, 640, 1280]);
    expect(product.attributes).toEqual([
      { name: 'Colour', value: 'olive' },
      { name: 'Material', value: 'steel' },
    ]);
    expect(product.category).toEqual({ id: 1, name: 'Kitchen', href: '/category/kitchen' });
    expect(product.price).toEqual({ amountMinor: 123456, currency: 'EUR', formatted: '€1,234.56' });
  });

  it('passes the first review page through with its cursor', () => {
    expect(page().reviews).toEqual({
      items: [expect.objectContaining({ id: 3 }), expect.objectContaining({ id: 2 })],
      nextCursor: toPageCursor('next-cursor'),
    });
  });

  it('links related products as cards with a 320px image', () => {
    expect(page().related).toEqual([
      expect.objectContaining({
        id: 8,
        href: '/product/8',
        image: '/media/products/8/320.svg',
        price: expect.objectContaining({ formatted: '€10.08' }),
      }),
      expect.objectContaining({ id: 9, href: '/product/9' }),
    ]);
  });

  it('draws the rating histogram five stars first, with shares that add up', () => {
    const rating = toRating(aRatingSummary({ '5': 2, '4': 1, '1': 1 }));
    expect(rating.histogram.map((b) => [b.stars, b.count, b.percent])).toEqual([
      [5, 2, 50],
      [4, 1, 25],
      [3, 0, 0],
      [2, 0, 0],
      [1, 1, 25],
    ]);
    expect(toRating(aRatingSummary()).histogram.every((b) => b.percent === 0)).toBe(true);
  });

  it.each([
    [{ a: 0, b: 0 }, false, 'Sold out'],
    [{ a: 2, b: 3 }, true, 'Only 5 left'],
    [{ a: 3, b: 3 }, true, 'In stock'],
  ])('labels stock %j as %s / %s', (quantities, inStock, label) => {
    expect(toAvailability(anInventory(quantities))).toMatchObject({ inStock, label });
  });

  it('says nothing is degraded when every part loaded', () => {
    expect(page().degraded).toEqual([]);
  });

  it('leaves a part that did not load out of the page, never null, and names it in degraded', () => {
    const partial = toProductPage(
      { product: aProduct({ id: 7 }), rating: aRatingSummary({ '5': 1 }) },
      ['reviews', 'inventory', 'related'],
    );
    expect(Object.keys(partial).sort()).toEqual(['degraded', 'product', 'rating']);
    expect(partial.degraded).toEqual(['reviews', 'inventory', 'related']);
    expect(partial.product.id).toBe(7);
    expect(JSON.stringify(partial)).not.toContain('null');
  });

  it('formats other currencies by their own rules', () => {
    expect(formatMoney({ amountMinor: 1999, currency: 'USD' })).toBe('US$19.99');
    expect(formatMoney({ amountMinor: 5, currency: 'GBP' })).toBe('£0.05');
  });
});
