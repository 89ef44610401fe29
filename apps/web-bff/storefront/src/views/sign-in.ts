import { signInAt } from '../api.js';
import { h } from '../dom.js';

/**
 * Sign-in happens at the identity provider (web-bff's /bff/login starts it and brings the browser
 * back signed in to `next`): this page only says so.
 */
export function signIn(params: URLSearchParams): Node[] {
  const next = params.get('next') ?? '/';
  return [
    h(
      'section',
      { class: 'panel', id: 'sign-in' },
      h('h1', {}, 'Sign in'),
      h('p', {}, 'You sign in at our identity provider and come straight back here.'),
      h(
        'button',
        { type: 'button', id: 'continue-sign-in', onclick: () => signInAt(next) },
        'Sign in',
      ),
      h('p', { class: 'muted' }, 'Demo: ada@example.com / storefront-demo-ada'),
    ),
  ];
}
