import {
  CartDto,
  InventoryDto,
  OrderDto,
  ProductDto,
  ProductSummaryDto,
  RatingSummaryDto,
  RelatedProductsDto,
  ReviewDto,
  ReviewPageDto,
} from '@bff/core-contracts';

const images = (id: number) =>
  [160, 320, 640, 1280].map((width) => ({ width, url: `/media/products/${id}/${width}.svg` }));

export function aProduct(overrides: Partial<ProductDto> = {}): ProductDto {
  const id = overrides.id ?? 1;
  return {
    id,
    sku: `SKU-${id}`,
    slug: `fjord-kettle-${id}`,
    name: 'Fjord Kettle',
    brand: 'Fjord',
    category: { id: 1, slug: 'kitchen', name: 'Kitchen' },
    description: 'A kettle.',
    price: { amountMinor: 5099, currency: 'EUR' },
    images: images(id),
    attributes: { colour: 'olive', material: 'steel' },
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aReview(overrides: Partial<ReviewDto> = {}): ReviewDto {
  return {
    id: 1,
    productId: 1,
    rating: 4,
    title: 'Very good',
    body: 'Does everything I need.',
    author: 'Maya K.',
    createdAt: '2025-03-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aReviewPage(
  items: ReviewDto[] = [aReview()],
  nextCursor: string | null = null,
): ReviewPageDto {
  return { items, nextCursor };
}

export function aRatingSummary(
  histogram: Partial<RatingSummaryDto['histogram']> = {},
): RatingSummaryDto {
  const full = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, ...histogram };
  const count = Object.values(full).reduce((a, b) => a + b, 0);
  const sum = Object.entries(full).reduce((a, [stars, n]) => a + Number(stars) * n, 0);
  return {
    productId: 1,
    count,
    average: count ? Math.round((sum / count) * 100) / 100 : null,
    histogram: full,
  };
}

export function anInventory(
  quantities: Record<string, number> = { central: 3, north: 4, south: 5 },
): InventoryDto {
  const warehouses = Object.entries(quantities).map(([warehouse, quantity]) => ({
    warehouse,
    quantity,
  }));
  return { productId: 1, total: warehouses.reduce((a, w) => a + w.quantity, 0), warehouses };
}

export function aProductSummary(
  id: number,
  overrides: Partial<ProductSummaryDto> = {},
): ProductSummaryDto {
  return {
    id,
    slug: `p-${id}`,
    name: `Product ${id}`,
    brand: 'Vela',
    price: { amountMinor: 1000 + id, currency: 'EUR' },
    images: images(id),
    ...overrides,
  };
}

export function relatedProducts(...ids: number[]): RelatedProductsDto {
  return { productId: 1, items: ids.map((id) => aProductSummary(id)) };
}

export function aCart(overrides: Partial<CartDto> = {}): CartDto {
  const line = {
    productId: 2,
    name: 'Product 2',
    unitPrice: { amountMinor: 1002, currency: 'EUR' },
    quantity: 1,
  };
  const items = [{ ...line, lineTotal: line.unitPrice, available: 4 }];
  const shipping = [
    { method: 'standard' as const, cost: line.unitPrice, freeFrom: null },
    { method: 'express' as const, cost: line.unitPrice, freeFrom: null },
  ];
  return { id: 1, items, itemCount: 1, subtotal: line.unitPrice, shipping, ...overrides };
}

export function anOrder(overrides: Partial<OrderDto> = {}): OrderDto {
  const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
  return {
    id: 1,
    status: 'placed',
    shipping: 'standard',
    lines: [
      { productId: 2, name: 'Product 2', unitPrice: eur(1002), quantity: 1, lineTotal: eur(1002) },
    ],
    subtotal: eur(1002),
    shippingCost: eur(495),
    total: eur(1497),
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
