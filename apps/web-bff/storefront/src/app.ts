import { api, ApiError } from './api.js';
import { h, link } from './dom.js';
import type { Session } from './types.js';
import * as views from './views/index.js';

const view = document.getElementById('view') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

const shell: views.Shell = {
  session: null,
  go(path: string) {
    history.pushState(null, '', path);
    void render();
  },
  setSession(session: Session | null) {
    shell.session = session;
    drawNav();
  },
};

function drawNav(): void {
  const signOut = async () => {
    await api('/session', { method: 'DELETE' });
    shell.setSession(null);
    shell.go('/');
  };
  nav.replaceChildren(
    ...(shell.session
      ? [
          h('span', { class: 'muted', id: 'who' }, `Hello, ${shell.session.customer.displayName}`),
          link('/cart', 'Cart'),
          link('/orders', 'Orders'),
          h('button', { class: 'link', id: 'sign-out', onclick: () => void signOut() }, 'Sign out'),
        ]
      : [link('/sign-in', 'Sign in')]),
  );
}

/** Routes the address to a view; personal views send a visitor without a session to sign in. */
async function route(path: string, params: URLSearchParams): Promise<Node[]> {
  let m: RegExpExecArray | null;
  if (path === '/') return views.home();
  if ((m = /^\/category\/([a-z0-9-]+)$/.exec(path)))
    return views.category(shell, m[1] as string, params);
  if ((m = /^\/product\/(\d+)$/.exec(path))) return views.product(shell, m[1] as string);
  if (path === '/sign-in') return views.signIn(shell, params);
  if (path === '/cart') return views.cart(shell);
  if (path === '/checkout') return views.checkout(shell);
  if (path === '/orders') return views.orders();
  if ((m = /^\/orders\/(\d+)$/.exec(path))) return views.order(m[1] as string, params);
  return [h('h1', {}, 'Not found'), h('p', {}, link('/', 'Back to the shop'))];
}

async function render(): Promise<void> {
  const { pathname, search } = window.location;
  view.setAttribute('aria-busy', 'true');
  try {
    view.replaceChildren(...(await route(pathname, new URLSearchParams(search))));
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) {
      shell.setSession(null);
      history.replaceState(null, '', `/sign-in?next=${encodeURIComponent(pathname)}`);
      view.replaceChildren(...views.signIn(shell, new URLSearchParams({ next: pathname })));
    } else {
      view.replaceChildren(
        h('h1', {}, 'Something went wrong'),
        h('p', { class: 'error' }, (error as Error).message),
      );
    }
  } finally {
    view.removeAttribute('aria-busy');
    window.scrollTo(0, 0);
  }
}

document.addEventListener('click', (event) => {
  const anchor = (event.target as Element).closest('a[data-link]');
  if (
    !anchor ||
    event.defaultPrevented ||
    (event as MouseEvent).metaKey ||
    (event as MouseEvent).ctrlKey
  )
    return;
  event.preventDefault();
  shell.go(anchor.getAttribute('href') ?? '/');
});
window.addEventListener('popstate', () => void render());

async function start(): Promise<void> {
  try {
    shell.setSession(await api<Session>('/session'));
  } catch {
    shell.setSession(null);
  }
  await render();
}

void start();
