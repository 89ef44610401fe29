// A fixed-latency stand-in for core-api's five product-page endpoints, for `npm run bench`.
// Listens on 127.0.0.1 (port from argv, 0 = any) and prints `{"url": …}` once listening.
// `POST /__latency?ms=20` changes the latency of every answer. `/health/live` and `/health/ready`
// answer 200 at once (the BFFs' readiness and start-up probes ask core-api's liveness).
// `POST /__turnaround` answers, and starts again, the connections' turnaround since the last ask:
// on each keep-alive connection, the time from an answer written to the next request arriving,
// i.e. how long the caller kept a freed connection before giving it its next call (median and
// 90th percentile in ms, over the last 100 000 reuses).
import { createServer } from 'node:http';

let latencyMs = Number(process.env.STUB_LATENCY_MS ?? 0);
const images = (id) =>
  [160, 320, 640, 1280].map((width) => ({ width, url: `/media/products/${id}/${width}.svg` }));
const summary = (id) => ({
  id,
  slug: `item-${id}`,
  name: `Item ${id}`,
  brand: 'Fjord',
  price: { amountMinor: 1000 + id, currency: 'EUR' },
  images: images(id),
});
const bodies = new Map();

function bodyFor(path) {
  let body = bodies.get(path);
  if (body) return body;
  const [, first, idText, part, sub] = path.split('/');
  const id = Number(idText);
  let value;
  if (first === 'inventory')
    value = {
      productId: id,
      total: 12,
      warehouses: [
        { warehouse: 'central', quantity: 8 },
        { warehouse: 'north', quantity: 4 },
      ],
    };
  else if (first === 'products' && part === undefined) {
    value = {
      id,
      sku: `SKU-${id}`,
      slug: `kettle-${id}`,
      name: `Fjord Kettle ${id}`,
      brand: 'Fjord',
      category: { id: 1, slug: 'kitchen', name: 'Kitchen' },
      description: 'A kettle that boils quickly and quietly. '.repeat(4),
      price: { amountMinor: 5099, currency: 'EUR' },
      images: images(id),
      attributes: { colour: 'olive', material: 'steel' },
      createdAt: '2025-01-01T00:00:00.000Z',
    };
  } else if (part === 'reviews' && sub === 'summary')
    value = {
      productId: id,
      count: 29,
      average: 3.93,
      histogram: { 1: 2, 2: 3, 3: 5, 4: 7, 5: 12 },
    };
  else if (part === 'reviews') {
    value = {
      items: Array.from({ length: 5 }, (_, i) => ({
        id: id * 10 + i,
        productId: id,
        rating: 1 + (i % 5),
        title: 'Very good',
        body: 'Well made and arrived quickly. '.repeat(5),
        author: 'Maya K.',
        createdAt: '2025-03-01T00:00:00.000Z',
      })),
      nextCursor: 'c2',
    };
  } else if (part === 'related')
    value = { productId: id, items: Array.from({ length: 8 }, (_, i) => summary(id + i + 1)) };
  else return undefined;
  body = Buffer.from(JSON.stringify(value));
  bodies.set(path, body);
  return body;
}

const TURNAROUNDS = 100_000;
let turnarounds = new Float64Array(TURNAROUNDS);
let reuses = 0;
const answered = new WeakMap(); // socket → when its last answer was written
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

function turnaround(res) {
  const taken = turnarounds.slice(0, Math.min(reuses, TURNAROUNDS)).sort();
  const round = (ms) => (ms === undefined ? null : Math.round(ms * 100) / 100);
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      reuses,
      p50: round(percentile(taken, 0.5)),
      p90: round(percentile(taken, 0.9)),
    }),
  );
  turnarounds = new Float64Array(TURNAROUNDS);
  reuses = 0;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://stub');
  if (req.method === 'POST' && url.pathname === '/__turnaround') {
    turnaround(res);
    return;
  }
  if (req.method === 'POST' && url.pathname === '/__latency') {
    latencyMs = Number(url.searchParams.get('ms') ?? 0);
    res.end('ok');
    return;
  }
  const last = answered.get(req.socket);
  if (last !== undefined) turnarounds[reuses++ % TURNAROUNDS] = performance.now() - last;
  res.once('finish', () => answered.set(req.socket, performance.now()));
  if (url.pathname === '/health/live' || url.pathname === '/health/ready') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  const body = bodyFor(url.pathname);
  const send = () => {
    if (!body) {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end('{"status":404,"code":"not_found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  };
  if (latencyMs > 0) setTimeout(send, latencyMs);
  else send();
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
