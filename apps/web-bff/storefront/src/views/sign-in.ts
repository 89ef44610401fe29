import { api, ApiError } from '../api.js';
import { h } from '../dom.js';
import { explain } from '../errors.js';
import type { Session } from '../types.js';
import type { Shell } from './shell.js';

export function signIn(shell: Shell, params: URLSearchParams): Node[] {
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const session = await api<Session>('/session', {
        method: 'POST',
        body: { email: data.get('email'), password: data.get('password') },
      });
      shell.setSession(session);
      shell.go(params.get('next')?.startsWith('/') ? (params.get('next') as string) : '/');
    } catch (e) {
      error.textContent =
        e instanceof ApiError && e.problem.status === 401
          ? 'The e-mail address or the password is wrong.'
          : explain(e);
    }
  };
  return [
    h(
      'form',
      { class: 'panel', id: 'sign-in', onsubmit: (e: Event) => void submit(e) },
      h('h1', {}, 'Sign in'),
      h(
        'label',
        {},
        'E-mail',
        h('input', { name: 'email', type: 'email', required: true, autocomplete: 'username' }),
      ),
      h(
        'label',
        {},
        'Password',
        h('input', {
          name: 'password',
          type: 'password',
          required: true,
          autocomplete: 'current-password',
        }),
      ),
      h('button', { type: 'submit' }, 'Sign in'),
      error,
      h('p', { class: 'muted' }, 'Demo: ada@example.com / storefront-demo-ada'),
    ),
  ];
}
