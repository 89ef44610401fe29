/** The storefront tiles' colours (storefront styles.css `.hue-*`), picked the same way: id mod 7. */
const HUES = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#06b6d4', '#84cc16'];

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/**
 * The demo catalog's product picture: a square of the product's colour with its initials, as the
 * storefront's tiles show it. Deterministic (same product, same bytes), no script, no style.
 */
export function productImageSvg(product: { id: number; name: string }, width: number): string {
  const initials = product.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  const hue = HUES[product.id % HUES.length];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}" viewBox="0 0 100 100" role="img" aria-label="${escapeXml(product.name)}">` +
    `<rect width="100" height="100" fill="${hue}"/>` +
    `<text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="36" font-weight="700" fill="#ffffff">${escapeXml(initials)}</text>` +
    `</svg>`
  );
}
