// What the mobile app does, in order, every mobile-bff call through @bff/mobile-sdk. Each step
// is reported (`report`) so a reader — or the e2e test — sees what happened.
import { randomUUID } from 'node:crypto';
import {
  createMobileBffClient,
  isAppUpdateRequired,
  MobileBffProblemError,
  problemOf,
  REVALIDATED_HEADER,
} from '@bff/mobile-sdk';
import { refresh, signIn, type Tokens } from './native-sign-in';

export interface JourneyOptions {
  baseUrl: string;
  issuer: string;
  clientId: string;
  appVersion: string;
  /** A version below mobile-bff's minimum, to show the 426 an old app gets. */
  oldAppVersion: string;
  openBrowser: (authorizationUrl: string) => void | Promise<void>;
  report: (step: string, detail: Record<string, unknown>) => void;
}

/** The data of an answer, or the problem it carried as an exception. */
async function data<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined)
    throw new MobileBffProblemError(problemOf(error, response.status));
  return { data, response };
}

export async function runJourney(o: JourneyOptions): Promise<void> {
  const old = createMobileBffClient({ baseUrl: o.baseUrl, appVersion: o.oldAppVersion });
  const outdated = await old.GET('/v2/screens/home');
  o.report('old-version', {
    status: outdated.response.status,
    updateRequired: isAppUpdateRequired(outdated.error),
    minimumVersion: isAppUpdateRequired(outdated.error) ? outdated.error.minimumVersion : null,
  });

  let tokens: Tokens = await signIn({
    issuer: o.issuer,
    clientId: o.clientId,
    openBrowser: o.openBrowser,
  });
  o.report('signed-in', { refreshToken: tokens.refreshToken.length > 0 });
  const app = createMobileBffClient({
    baseUrl: o.baseUrl,
    appVersion: o.appVersion,
    token: () => tokens.accessToken,
  });

  const home = await data(app.GET('/v2/screens/home'));
  const slug = home.data.categories[0]?.slug;
  o.report('home', { status: home.response.status, categories: home.data.categories.length });
  if (!slug) throw new Error('the home screen lists no category');

  const category = await data(
    app.GET('/v2/screens/category/{slug}', { params: { path: { slug } } }),
  );
  const first = category.data.items[0];
  o.report('category', { slug, items: category.data.items.length });
  if (!first) throw new Error(`category ${slug} has no product`);

  const search = await data(
    app.GET('/v2/screens/search', { params: { query: { q: first.name.split(' ')[0] ?? '' } } }),
  );
  o.report('search', { items: search.data.items.length });

  const product = await data(
    app.GET('/v2/screens/product/{id}', { params: { path: { id: first.id } } }),
  );
  const again = await data(
    app.GET('/v2/screens/product/{id}', { params: { path: { id: first.id } } }),
  );
  o.report('product', {
    id: product.data.id,
    etag: product.response.headers.get('etag'),
    revalidated: again.response.headers.get(REVALIDATED_HEADER),
    sameAnswer: JSON.stringify(again.data) === JSON.stringify(product.data),
  });

  const cart = await data(
    app.PUT('/v2/screens/cart/items/{productId}', {
      params: { path: { productId: first.id } },
      body: { quantity: 1 },
    }),
  );
  o.report('cart', { itemCount: cart.data.itemCount });

  // One key per order the user places: a retry after a lost answer sends the same key and gets
  // the same order back, never a second one.
  const key = randomUUID();
  const place = () =>
    app.POST('/v2/screens/checkout', {
      params: { header: { 'Idempotency-Key': key } },
      body: { shipping: 'standard' },
    });
  const order = await data(place());
  const retry = await data(place());
  o.report('checkout', {
    status: order.response.status,
    orderId: order.data.id,
    retrySameOrder: retry.data.id === order.data.id,
  });

  const before = tokens.accessToken;
  tokens = await refresh(o.issuer, o.clientId, tokens.refreshToken);
  const orders = await data(app.GET('/v2/screens/orders'));
  o.report('refreshed', {
    newToken: tokens.accessToken !== before,
    ordersStatus: orders.response.status,
    hasOrder: orders.data.items.some((row) => row.id === order.data.id),
  });
}
