import { aProduct, aRatingSummary, aReviewPage, anInventory } from '@bff/core-client/testing';
import { ProductScreenV2Dto } from './product-screen.dto';
import { toProductScreen, toProductScreenV1, toProductScreenV2 } from './product-screen.shaper';

describe('product screen v1, a projection of v2', () => {
  const v2: ProductScreenV2Dto = {
    id: 4,
    name: 'Fjord Heritage Kettle',
    price: { amountMinor: 5099, currency: 'EUR' },
    image: '/media/products/4/640.svg',
    degraded: [],
    rating: { average: 4.7, count: 3 },
    inStock: true,
    reviews: [{ rating: 5, excerpt: 'Boils quickly.', author: 'Maya K.' }],
    related: [
      { id: 5, name: 'Tide Mug', price: 1005, currency: 'EUR', image: '/media/products/5/160.svg' },
    ],
  };

  it('is made from the v2 screen alone: price and rating taken apart, the rest as v2 has it', () => {
    // Field order as v1 apps have always received it (their ETags are of these bytes).
    expect(JSON.stringify(toProductScreenV1(v2))).toBe(
      JSON.stringify({
        id: 4,
        name: 'Fjord Heritage Kettle',
        price: 5099,
        currency: 'EUR',
        image: '/media/products/4/640.svg',
        degraded: [],
        rating: 4.7,
        ratingCount: 3,
        inStock: true,
        reviews: v2.reviews,
        related: v2.related,
      }),
    );
  });

  it('leaves out what v2 left out, and keeps a rating nobody gave null', () => {
    // What v2 sends when every optional part failed: those fields absent, not undefined.
    const { rating: _r, inStock: _s, reviews: _v, related: _l, ...bare } = v2;
    const v1 = toProductScreenV1({
      ...bare,
      degraded: ['reviews', 'rating', 'inventory', 'related'],
    });
    expect(Object.keys(v1)).toEqual(['id', 'name', 'price', 'currency', 'image', 'degraded']);
    expect(v1.degraded).toEqual(['reviews', 'rating', 'inventory', 'related']);
    const unrated = toProductScreenV1({ ...v2, rating: { average: null, count: 0 } });
    expect(unrated).toMatchObject({ rating: null, ratingCount: 0 });
  });

  it('is what v1 answers for core-api’s parts: the projection of their v2 screen', () => {
    const parts = {
      product: aProduct({ id: 4 }),
      rating: aRatingSummary({ '5': 2, '4': 1 }),
      reviews: aReviewPage([]),
      inventory: anInventory({ central: 0 }),
    };
    const screenV2 = toProductScreenV2(parts, ['related'], 3);
    expect(toProductScreen(parts, ['related'], 3)).toEqual(toProductScreenV1(screenV2));
    expect(toProductScreenV1(screenV2)).toMatchObject({
      price: screenV2.price.amountMinor,
      currency: screenV2.price.currency,
      image: screenV2.image,
      rating: screenV2.rating?.average,
      ratingCount: screenV2.rating?.count,
      inStock: false,
    });
  });
});
