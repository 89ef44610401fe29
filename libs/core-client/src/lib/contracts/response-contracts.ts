/**
 * Cheap structural checks of core-api's answers, per operation, run before anything uses them.
 * They check what the BFFs' shapers rely on (types of the fields they read, arrays being arrays),
 * not every constraint of the contract: a failed check is a 502, never a half-shaped page.
 */
type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const int: Check = (v) => Number.isInteger(v);
const str: Check = (v) => typeof v === 'string';
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const arrayOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
// Runs on every core-api answer: the field list is built once, not per value checked.
const shape = (fields: Record<string, Check>): Check => {
  const entries = Object.entries(fields);
  return (v) => {
    if (!isObject(v)) return false;
    for (const [name, check] of entries) if (!check(v[name])) return false;
    return true;
  };
};

const money = shape({ amountMinor: int, currency: str });
const image = shape({ width: int, url: str });
const summary = shape({ id: int, name: str, brand: str, price: money, images: arrayOf(image) });
const product = shape({
  id: int,
  name: str,
  brand: str,
  description: str,
  category: shape({ id: int, slug: str, name: str }),
  price: money,
  images: arrayOf(image),
  attributes: (v) => isObject(v) && Object.values(v).every(str),
});
const review = shape({ id: int, rating: int, title: str, body: str, author: str, createdAt: str });
const ratingSummary = shape({
  count: int,
  average: nullable((v) => typeof v === 'number' && Number.isFinite(v)),
  histogram: shape({ '1': int, '2': int, '3': int, '4': int, '5': int }),
});
const inventory = shape({ total: int, warehouses: arrayOf(shape({ warehouse: str, quantity: int })) });

export const RESPONSE_CONTRACTS: Record<string, Check> = {
  getProduct: product,
  listProducts: shape({ items: arrayOf(summary), nextCursor: nullable(str) }),
  getProducts: shape({ items: arrayOf(summary) }),
  getCategories: shape({ items: arrayOf(shape({ id: int, slug: str, name: str })) }),
  getReviews: shape({ items: arrayOf(review), nextCursor: nullable(str) }),
  getRatingSummary: ratingSummary,
  getRatingSummaries: shape({ items: arrayOf(ratingSummary) }),
  getRelated: shape({ items: arrayOf(summary) }),
  getInventory: inventory,
  getInventories: shape({ items: arrayOf(inventory) }),
  getCategoryFacets: shape({
    slug: str,
    name: str,
    productCount: int,
    brands: arrayOf(shape({ brand: str, count: int })),
    priceRange: nullable(shape({ min: money, max: money })),
  }),
};

/** Whether `value` is a usable answer to `operation` (any JSON object, for unlisted operations). */
export function satisfiesContract(operation: string, value: unknown): boolean {
  if (!isObject(value)) return false;
  const check = RESPONSE_CONTRACTS[operation];
  return check ? check(value) : true;
}
