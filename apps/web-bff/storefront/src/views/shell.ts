import { h, link, tile } from '../dom.js';
import type { Card, Session } from '../api.js';

/** What a view needs from the app shell. */
export interface Shell {
  go(path: string): void;
  /** Draws the current address again (a retry). */
  refresh(): void;
  session: Session | null;
  setSession(session: Session | null): void;
}

export const when = (iso: string) =>
  new Date(iso).toLocaleString('en-IE', { dateStyle: 'medium', timeStyle: 'short' });

export function cards(items: Card[]): HTMLElement {
  return h(
    'ul',
    { class: 'cards' },
    items.map((p) =>
      h(
        'li',
        { class: 'card', 'data-product': p.id },
        link(p.href, tile(p.id, p.name), h('span', { class: 'card-name' }, p.name)),
        h('span', { class: 'muted' }, p.brand),
        h('strong', { class: 'price' }, p.price.formatted),
      ),
    ),
  );
}

/** The page parts web-bff may leave out (`degraded`), in a shopper's words. */
const PARTS: Record<string, string> = {
  featured: 'new arrivals',
  deals: 'deals',
  facets: 'filters',
  reviews: 'reviews',
  rating: 'ratings',
  inventory: 'stock',
  related: 'related products',
  images: 'pictures',
};

export function degradedNote(degraded: string[]): HTMLElement | null {
  const parts = [...new Set(degraded.map((part) => PARTS[part] ?? 'some details'))];
  return parts.length
    ? h('p', { class: 'note' }, `Some parts could not be loaded right now: ${parts.join(', ')}.`)
    : null;
}
