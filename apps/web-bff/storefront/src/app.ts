import { ApiError, ok, web, type Session } from './api.js';
import { h, link } from './dom.js';
import * as views from './views/index.js';

const view = document.getElementById('view') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

const shell: views.Shell = {
  session: null,
  go(path: string) {
    history.pushState(null, '', path);
    void render();
  },
  refresh() {
    void render();
  },
  setSession(session: Session | null) {
    shell.session = session;
    drawNav();
  },
};

function drawNav(): void {
  // Ends the session here, then at the provider, which comes back to the storefront.
  const signOut = async () => {
    const answer = await ok(web.POST('/bff/logout')).catch(
      () => ({}) as { endSessionUrl?: string },
    );
    shell.setSession(null);
    if (answer.endSessionUrl) window.location.assign(answer.endSessionUrl);
    else shell.go('/');
  };
  const name = shell.session?.customer.displayName;
  nav.replaceChildren(
    ...(name
      ? [
          h(
            'span',
            { class: 'who', id: 'who', title: name },
            h('span', { class: 'hello' }, 'Hello, '),
            name,
          ),
          link('/cart', 'Cart'),
          link('/orders', 'Orders'),
          h(
            'button',
            { class: 'link', id: 'sign-out', type: 'button', onclick: () => void signOut() },
            'Sign out',
          ),
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
  if (path === '/sign-in') return views.signIn(params);
  if (path === '/cart') return views.cart();
  if (path === '/checkout') return views.checkout(shell);
  if (path === '/orders') return views.orders();
  if ((m = /^\/orders\/(\d+)$/.exec(path))) return views.order(m[1] as string, params);
  return views.notFound();
}

async function render(): Promise<void> {
  const { pathname, search } = window.location;
  view.setAttribute('aria-busy', 'true');
  document.title = 'Storefront';
  try {
    view.replaceChildren(...(await route(pathname, new URLSearchParams(search))));
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) {
      shell.setSession(null);
      history.replaceState(null, '', `/sign-in?next=${encodeURIComponent(pathname)}`);
      view.replaceChildren(...views.signIn(new URLSearchParams({ next: pathname })));
    } else if (error instanceof ApiError && error.problem.status === 404) {
      view.replaceChildren(...views.notFound());
    } else {
      view.replaceChildren(...views.errorPage(error, () => shell.refresh()));
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

/** Asks whether the browser is signed in: a 200 either way, so a visitor's console stays clean. */
async function start(): Promise<void> {
  const probe = await ok(web.GET('/bff/user')).catch(() => null);
  shell.setSession(probe?.signedIn ? probe : null);
  await render();
}

void start();
