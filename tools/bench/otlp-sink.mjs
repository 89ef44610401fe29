// A stand-in OTLP/HTTP trace receiver for `npm run bench`'s production rows: accepts
// `POST /v1/traces` (JSON, as @opentelemetry/exporter-trace-otlp-http sends it; gzip too), counts
// the spans and answers 200 with an empty partial success. `GET /count` answers
// `{"requests", "spans", "bytes", "unreadable", "byService": {name: {spans, traces}}}` so the bench can prove spans were exported.
// Listens on 127.0.0.1 (port from argv, 0 = any) and prints `{"url": …}` once listening.
import { createServer } from 'node:http';
import { gunzipSync } from 'node:zlib';

const counts = { requests: 0, spans: 0, bytes: 0, unreadable: 0, byService: {} };
const traces = new Map(); // service → trace ids seen, to tell spans per trace and the sampled share

function count(body) {
  for (const resource of body.resourceSpans ?? []) {
    const name =
      (resource.resource?.attributes ?? []).find((a) => a.key === 'service.name')?.value
        ?.stringValue ?? 'unknown';
    const ids = traces.get(name) ?? traces.set(name, new Set()).get(name);
    const service = (counts.byService[name] ??= { spans: 0, traces: 0 });
    for (const scope of resource.scopeSpans ?? [])
      for (const span of scope.spans ?? []) {
        counts.spans++;
        service.spans++;
        ids.add(span.traceId);
      }
    service.traces = ids.size;
  }
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/count') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
    return;
  }
  if (req.method !== 'POST' || req.url !== '/v1/traces') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let raw = Buffer.concat(chunks);
    counts.requests++;
    counts.bytes += raw.length;
    try {
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      count(JSON.parse(raw.toString('utf8')));
    } catch {
      counts.unreadable++; // protobuf or broken: counted as a request, not as spans
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
