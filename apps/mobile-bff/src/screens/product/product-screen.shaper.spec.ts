import {
  aProduct,
  aProductParts,
  aRatingSummary,
  aReviewPage,
  anInventory,
} from '@bff/core-client/testing';
import { pickImage } from '../../shaping/image.shaper';
import {
  EXCERPT_LENGTH,
  excerpt,
  toProductScreen,
  toProductScreenV2,
} from './product-screen.shaper';

describe('product screen shaping', () => {
  const longBody =
    'This kettle boils quickly and quietly, the handle stays cool, and the spout pours without dripping. '.repeat(
      3,
    );
  const parts = aProductParts({
    product: { id: 4, description: 'A long description the screen does not show.' },
    reviews: [1, 2, 3, 4].map((id) => ({ id, body: longBody })),
    ratings: { '5': 2, '4': 1 },
    stock: { central: 1 },
    related: [5, 6],
  });

  it('keeps only what the screen draws', () => {
    const screen = toProductScreen(parts);
    expect(Object.keys(screen).sort()).toEqual(
      [
        'currency',
        'degraded',
        'id',
        'image',
        'inStock',
        'name',
        'price',
        'rating',
        'ratingCount',
        'related',
        'reviews',
      ].sort(),
    );
    expect(screen).toMatchObject({
      id: 4,
      price: 5099,
      currency: 'EUR',
      image: '/media/products/4/640.svg',
      rating: 4.7,
      ratingCount: 3,
      inStock: true,
    });
    expect(screen.degraded).toEqual([]);
  });

  it('chooses the image for the device pixel ratio', () => {
    expect(toProductScreen(parts, [], 1).image).toBe('/media/products/4/320.svg');
    expect(toProductScreen(parts, [], 2).image).toBe('/media/products/4/640.svg');
    expect(toProductScreen(parts, [], 3).image).toBe('/media/products/4/1280.svg');
    expect(toProductScreen(parts, [], 3).related?.map((c) => c.image)).toEqual([
      '/media/products/5/320.svg',
      '/media/products/6/320.svg',
    ]);
  });

  it('leaves out parts that did not load and names them in degraded', () => {
    const screen = toProductScreen({ product: parts.product, inventory: parts.inventory }, [
      'reviews',
      'rating',
      'related',
    ]);
    expect(Object.keys(screen).sort()).toEqual(
      ['currency', 'degraded', 'id', 'image', 'inStock', 'name', 'price'].sort(),
    );
    expect(screen.degraded).toEqual(['reviews', 'rating', 'related']);
    expect('rating' in screen).toBe(false);
  });

  it('shows three reviews, trimmed to an excerpt', () => {
    const { reviews = [] } = toProductScreen(parts);
    expect(reviews).toHaveLength(3);
    for (const review of reviews) {
      expect(review.excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
      expect(review.excerpt.endsWith('…')).toBe(true);
      expect(Object.keys(review).sort()).toEqual(['author', 'excerpt', 'rating']);
    }
  });

  it('uses small thumbnails for related cards and says when nothing is in stock', () => {
    const screen = toProductScreen({ ...parts, inventory: anInventory({ central: 0 }) });
    expect(screen.inStock).toBe(false);
    expect(screen.related?.map((c) => c.image)).toEqual([
      '/media/products/5/160.svg',
      '/media/products/6/160.svg',
    ]);
  });

  it('has no rating, not zero, when nobody has reviewed the product', () => {
    const screen = toProductScreen({
      ...parts,
      rating: aRatingSummary(),
      reviews: aReviewPage([]),
    });
    expect(screen.rating).toBeNull();
    expect(screen.ratingCount).toBe(0);
    expect(screen.reviews).toEqual([]);
  });

  it('groups money and rating into objects in v2, which v1 apps would not understand', () => {
    const v2 = toProductScreenV2(parts);
    expect(v2.price).toEqual({ amountMinor: 5099, currency: 'EUR' });
    expect(v2.rating).toEqual({ average: 4.7, count: 3 });
    expect(v2.related?.[0]).toEqual(toProductScreen(parts).related?.[0]);
    expect(Object.keys(v2)).not.toContain('currency');
    expect(Object.keys(v2)).not.toContain('ratingCount');
    expect(toProductScreenV2({ product: parts.product }, ['rating']).rating).toBeUndefined();
  });

  describe('excerpt', () => {
    it('leaves short text alone', () => expect(excerpt('Short.')).toBe('Short.'));
    it('cuts at a word boundary', () => expect(excerpt('one two three four', 12)).toBe('one two…'));
    it('cuts a single long word hard', () =>
      expect(excerpt('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`));
  });

  describe('pickImage', () => {
    const images = aProduct().images;
    it('picks the narrowest image at least as wide as the layout width times the pixel ratio', () =>
      expect(pickImage(images, 150, 2)).toBe('/media/products/1/320.svg'));
    it('falls back to the widest', () =>
      expect(pickImage(images, 5000, 1)).toBe('/media/products/1/1280.svg'));
    it('copes with no images', () => expect(pickImage([], 100)).toBe(''));
  });
});
