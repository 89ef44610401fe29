import type {
  BrandFacetDto,
  CartDto,
  CartLineDto,
  CategoryDto,
  CategoryFacetsDto,
  CategoryListDto,
  CategoryRefDto,
  CustomerDto,
  InventoryDto,
  InventoryListDto,
  MoneyDto,
  OrderDto,
  OrderLineDto,
  OrderPageDto,
  PriceRangeDto,
  ProductDto,
  ProductImageDto,
  ProductListDto,
  ProductSummaryDto,
  RatingHistogramDto,
  RatingSummaryDto,
  RatingSummaryListDto,
  RelatedProductsDto,
  ReviewDto,
  ReviewPageDto,
  ShippingQuoteDto,
  WarehouseStockDto,
} from '@bff/core-contracts';
import { SHIPPING_METHODS } from '@bff/core-contracts';
import {
  Check,
  arrayOf,
  count,
  dateTime,
  id,
  int,
  nullable,
  num,
  oneOf,
  recordOf,
  shape,
  str,
  text,
} from './checks';

/**
 * core-api's answers as checks, one per response DTO of `@bff/core-contracts` (the same classes
 * core-api answers with and openapi/core-api.json documents). Each lists every property of its
 * DTO (`shape` makes that a compile error otherwise): ids are positive integers, counts and
 * amounts integers, enums their values. Which operation answers which DTO is in `OPERATIONS`.
 */
const money = shape<MoneyDto>({
  amountMinor: int,
  currency: (v): v is string => typeof v === 'string' && /^[A-Z]{3}$/.test(v),
});
const image = shape<ProductImageDto>({ width: count, url: text });
const categoryRef = shape<CategoryRefDto>({ id, slug: text, name: str });
const summary = shape<ProductSummaryDto>({
  id,
  slug: str,
  name: str,
  brand: str,
  price: money,
  images: arrayOf(image),
});
const histogram = shape<RatingHistogramDto>({
  '1': count,
  '2': count,
  '3': count,
  '4': count,
  '5': count,
});
const ratingSummary = shape<RatingSummaryDto>({
  productId: id,
  count,
  average: nullable(num),
  histogram,
});
const review = shape<ReviewDto>({
  id,
  productId: id,
  rating: oneOf(1, 2, 3, 4, 5),
  title: str,
  body: str,
  author: str,
  createdAt: dateTime,
});
const inventory = shape<InventoryDto>({
  productId: id,
  total: count,
  warehouses: arrayOf(shape<WarehouseStockDto>({ warehouse: str, quantity: count })),
});
const customer = shape<CustomerDto>({
  id,
  email: (v): v is string =>
    typeof v === 'string' && v.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(v),
  displayName: str,
});
const cartLine = shape<CartLineDto>({
  productId: id,
  name: str,
  unitPrice: money,
  quantity: id,
  lineTotal: money,
  available: count,
});
const shippingQuote = shape<ShippingQuoteDto>({
  method: oneOf(...SHIPPING_METHODS),
  cost: money,
  freeFrom: nullable(money),
});
const orderLine = shape<OrderLineDto>({
  productId: id,
  name: str,
  unitPrice: money,
  quantity: id,
  lineTotal: money,
});
const order = shape<OrderDto>({
  id,
  status: oneOf('placed'),
  shipping: oneOf(...SHIPPING_METHODS),
  lines: arrayOf(orderLine),
  subtotal: money,
  shippingCost: money,
  total: money,
  createdAt: dateTime,
});

export const CONTRACTS = {
  product: shape<ProductDto>({
    id,
    sku: str,
    slug: str,
    name: str,
    brand: str,
    category: categoryRef,
    description: str,
    price: money,
    images: arrayOf(image),
    attributes: recordOf(str),
    createdAt: dateTime,
  }),
  productList: shape<ProductListDto>({
    items: arrayOf(summary),
    nextCursor: nullable(text),
    missing: arrayOf(int),
  }),
  categoryList: shape<CategoryListDto>({
    items: arrayOf(shape<CategoryDto>({ id, slug: text, name: str, productCount: count })),
  }),
  categoryFacets: shape<CategoryFacetsDto>({
    id,
    slug: text,
    name: str,
    productCount: count,
    brands: arrayOf(shape<BrandFacetDto>({ brand: str, count })),
    priceRange: nullable(shape<PriceRangeDto>({ min: money, max: money })),
  }),
  reviewPage: shape<ReviewPageDto>({ items: arrayOf(review), nextCursor: nullable(text) }),
  ratingSummary,
  ratingSummaryList: shape<RatingSummaryListDto>({ items: arrayOf(ratingSummary) }),
  related: shape<RelatedProductsDto>({ productId: id, items: arrayOf(summary) }),
  inventory,
  inventoryList: shape<InventoryListDto>({ items: arrayOf(inventory) }),
  customer,
  cart: shape<CartDto>({
    id: nullable(id),
    items: arrayOf(cartLine),
    itemCount: count,
    subtotal: money,
    shipping: arrayOf(shippingQuote),
  }),
  order,
  orderPage: shape<OrderPageDto>({ items: arrayOf(order), nextCursor: nullable(text) }),
} satisfies Record<string, Check<object>>;
