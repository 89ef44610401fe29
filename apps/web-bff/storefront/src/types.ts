// The shapes of web-bff's answers the storefront reads (see /docs for the full contract).

export interface Price {
  amountMinor: number;
  currency: string;
  formatted: string;
}
export interface Card {
  id: number;
  name: string;
  brand: string;
  price: Price;
  href: string;
}
export interface Customer {
  id: number;
  email: string;
  displayName: string;
}
export interface Session {
  signedIn: true;
  customer: Customer;
  expiresAt: string;
}
/** GET /bff/user: the session, or `signedIn: false` (200 either way). */
export type SessionProbe = Session | { signedIn: false };
export interface HomePage {
  categories: Array<{ slug: string; name: string; productCount: number; href: string }>;
  featured?: Card[];
  deals?: Card[];
  degraded: string[];
}
export interface CategoryPage {
  category: { slug: string; name: string };
  products: Card[];
  nextCursor: string | null;
  sort: string;
  facets?: {
    productCount: number;
    brands: Array<{ brand: string; count: number; selected: boolean }>;
    priceRange: { min: Price; max: Price } | null;
  };
  degraded: string[];
}
export interface ProductPage {
  product: {
    id: number;
    name: string;
    brand: string;
    description: string;
    category: { name: string; href: string };
    price: Price;
    attributes: Array<{ name: string; value: string }>;
  };
  rating?: {
    average: number | null;
    count: number;
    histogram: Array<{ stars: number; count: number; percent: number }>;
  };
  reviews?: {
    items: Array<{
      id: number;
      rating: number;
      title: string;
      body: string;
      author: string;
      createdAt: string;
    }>;
  };
  availability?: {
    inStock: boolean;
    label: string;
    warehouses: Array<{ warehouse: string; quantity: number }>;
  };
  related?: Card[];
  degraded: string[];
}
/** One product line of an order; a cart line adds what the stock allows. */
export interface OrderLine {
  productId: number;
  name: string;
  href: string;
  unitPrice: Price;
  quantity: number;
  lineTotal: Price;
}
export type CartLine = OrderLine & { available: number; stockLabel: string; enoughStock: boolean };
export interface ShippingEstimate {
  method: 'standard' | 'express';
  label: string;
  cost: Price;
  total: Price;
  freeAfter: Price | null;
}
export interface CartView {
  lines: CartLine[];
  itemCount: number;
  subtotal: Price;
  shipping: ShippingEstimate[];
  canCheckout: boolean;
  degraded: string[];
}
export interface OrderView {
  id: number;
  href: string;
  shipping: string;
  lines: OrderLine[];
  subtotal: Price;
  shippingCost: Price;
  total: Price;
  createdAt: string;
}
export interface OrderHistory {
  orders: Array<{
    id: number;
    href: string;
    createdAt: string;
    itemCount: number;
    total: Price;
    title: string;
  }>;
  nextCursor: string | null;
}
