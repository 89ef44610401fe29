// A tiny DOM builder: text always goes in as text nodes, never as HTML, so nothing from the API
// can inject markup.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

export function h(
  tag: string,
  attrs: Attrs = {},
  ...children: Array<Child | Child[]>
): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An internal link, routed in the page without a reload. */
export const link = (href: string, ...children: Child[]): HTMLElement =>
  h('a', { href, 'data-link': true }, ...children);

/** A placeholder tile instead of a photo (the demo catalog's image URLs have no files behind them). */
export function tile(id: number, name: string, size: 'small' | 'large' = 'small'): HTMLElement {
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w.charAt(0))
    .join('');
  return h('div', { class: `tile tile-${size} hue-${id % 7}`, 'aria-hidden': 'true' }, initials);
}

export function stars(rating: number | null): string {
  if (rating === null) return 'No ratings yet';
  const full = Math.round(rating);
  return `${'★'.repeat(full)}${'☆'.repeat(5 - full)} ${rating.toFixed(1)}`;
}
