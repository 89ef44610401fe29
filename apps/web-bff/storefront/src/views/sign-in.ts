import { signInAt } from '../api.js';
import { h } from '../dom.js';

/**
 * Sign-in happens at the identity provider (web-bff's /bff/login starts it and brings the browser
 * back signed in): this page only says so, and says why a sign-in that came back did not work.
 */
export function signIn(params: URLSearchParams): Node[] {
  const next = params.get('next') ?? '/';
  const failed = params.has('signInFailed')
    ? h('p', { class: 'error', role: 'alert' }, 'Signing in did not work. Please try again.')
    : '';
  return [
    h(
      'section',
      { class: 'panel', id: 'sign-in' },
      h('h1', {}, 'Sign in'),
      h('p', {}, 'You sign in at our identity provider and come straight back here.'),
      failed,
      h(
        'button',
        { type: 'button', id: 'continue-sign-in', onclick: () => signInAt(next) },
        'Sign in',
      ),
      h('p', { class: 'muted' }, 'Demo: ada@example.com / storefront-demo-ada'),
    ),
  ];
}
