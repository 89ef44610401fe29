import { ok, web } from '../api.js';
import { h, link } from '../dom.js';
import { cards, degradedNote } from './shell.js';

export async function home(): Promise<Node[]> {
  const page = await ok(web.GET('/api/pages/home'));
  return [
    h(
      'section',
      { class: 'hero' },
      h('h1', {}, 'Everything for home, kitchen and outdoors'),
      h(
        'p',
        { class: 'muted' },
        'Browse a category, or pick from the newest arrivals and the best prices.',
      ),
    ),
    h('h2', {}, 'Categories'),
    h(
      'ul',
      { class: 'chips' },
      page.categories.map((c) =>
        h('li', {}, link(c.href, c.name, h('span', { class: 'count' }, c.productCount))),
      ),
    ),
    degradedNote(page.degraded),
    page.featured ? h('section', {}, h('h2', {}, 'New arrivals'), cards(page.featured)) : null,
    page.deals
      ? h('section', {}, h('h2', {}, 'Deals — our lowest prices'), cards(page.deals))
      : null,
  ].filter((n): n is HTMLElement => n !== null);
}
