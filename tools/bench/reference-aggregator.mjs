// The plain-Node reference for `npm run bench`: the web product page's fan-out and shaping with
// node:http + one undici Pool and nothing else (no framework, no policies, no cache).
// Usage: node reference-aggregator.mjs <core-api url>; prints `{"url": …}` once listening.
import { createServer } from 'node:http';
import { Pool } from 'undici';

const pool = new Pool(process.argv[2], {
  connections: 64,
  pipelining: 1,
  keepAliveTimeout: 30_000,
});
const get = async (path) => {
  const { statusCode, body } = await pool.request({
    path,
    method: 'GET',
    headers: { accept: 'application/json' },
  });
  const data = await body.json();
  if (statusCode !== 200) throw Object.assign(new Error(`core-api ${statusCode}`), { statusCode });
  return data;
};
const formatters = new Map(); // one Intl.NumberFormat per currency, as web-bff keeps
const format = (currency) =>
  formatters.get(currency) ??
  formatters
    .set(currency, new Intl.NumberFormat('en-IE', { style: 'currency', currency }))
    .get(currency);
const money = ({ amountMinor, currency }) => ({
  amountMinor,
  currency,
  formatted: format(currency).format(amountMinor / 100),
});
const card = (p) => ({
  id: p.id,
  name: p.name,
  brand: p.brand,
  price: money(p.price),
  image: (p.images.find((i) => i.width >= 320) ?? p.images.at(-1))?.url ?? '',
  href: `/product/${p.id}`,
});

async function page(id) {
  const [product, reviews, rating, inventory, related] = await Promise.all([
    get(`/products/${id}`),
    get(`/products/${id}/reviews?limit=5`),
    get(`/products/${id}/reviews/summary`),
    get(`/inventory/${id}`),
    get(`/products/${id}/related?limit=8`),
  ]);
  const total = inventory.total;
  return {
    product: {
      id: product.id,
      name: product.name,
      brand: product.brand,
      description: product.description,
      category: {
        id: product.category.id,
        name: product.category.name,
        href: `/category/${product.category.slug}`,
      },
      price: money(product.price),
      images: product.images,
      attributes: Object.entries(product.attributes).map(([name, value]) => ({
        name: name[0].toUpperCase() + name.slice(1),
        value,
      })),
    },
    rating: {
      average: rating.average,
      count: rating.count,
      histogram: [5, 4, 3, 2, 1].map((stars) => ({
        stars,
        count: rating.histogram[stars],
        percent: rating.count ? Math.round((rating.histogram[stars] / rating.count) * 100) : 0,
      })),
    },
    reviews: {
      items: reviews.items.map(({ id: rid, rating: r, title, body, author, createdAt }) => ({
        id: rid,
        rating: r,
        title,
        body,
        author,
        createdAt,
      })),
      nextCursor: reviews.nextCursor,
    },
    availability: {
      inStock: total > 0,
      total,
      label: total === 0 ? 'Sold out' : total <= 5 ? `Only ${total} left` : 'In stock',
      warehouses: inventory.warehouses,
    },
    related: related.items.map(card),
    degraded: [],
  };
}

const server = createServer(async (req, res) => {
  const match = /^\/api\/pages\/product\/(\d+)$/.exec(req.url ?? '');
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = JSON.stringify(await page(Number(match[1])));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  } catch (error) {
    res
      .writeHead(error.statusCode === 404 ? 404 : 502, {
        'content-type': 'application/problem+json',
      })
      .end('{}');
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1', () =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
