import { h, link } from '../dom.js';
import { explain } from '../errors.js';

/** An address the storefront does not have, or a product, category or order that is not there. */
export function notFound(): Node[] {
  document.title = 'Not found · Storefront';
  return [
    h(
      'section',
      { class: 'problem', id: 'not-found' },
      h('h1', {}, 'We could not find that page'),
      h('p', {}, 'The address may be mistyped, or what it showed is no longer here.'),
      h('p', { class: 'actions' }, link('/', h('span', { class: 'button' }, 'Back to the shop'))),
    ),
  ];
}

/** Something failed: say so in plain words, and offer a retry and a way back. */
export function errorPage(error: unknown, retry: () => void): Node[] {
  document.title = 'Something went wrong · Storefront';
  return [
    h(
      'section',
      { class: 'problem', id: 'error-page' },
      h('h1', {}, 'Something went wrong'),
      h('p', {}, explain(error)),
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'button', id: 'retry', onclick: () => retry() }, 'Try again'),
        link('/', h('span', { class: 'button secondary' }, 'Back to the shop')),
      ),
    ),
  ];
}
