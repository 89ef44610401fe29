// `npm run bench:transport`: core-client's transport against plain undici, in one process, against
// the same 0 ms stub (tools/bench/core-stub.mjs). ADR 0003's rule: core-client's transport stays
// within 10 % of plain undici given the same AbortSignal. Rows, each on its own 64-connection
// keep-alive Pool, loaded in alternating rounds by 50 concurrent product pages (5 GETs each), all
// sending the same headers (accept, user-agent, a service token):
//   plain undici             Pool.request + body.json()
//   plain undici + signal    the same with an AbortSignal per call, which core-client's policies need
//   core-client transport    CoreTransport.send on undici (no policies)
//   CoreApiClient            what the BFFs call: token, coalescing, policies, contract checks (cache off)
// Figures: pages/s and this process's CPU per page (user + system), with the ratio to plain undici.
// Env: BENCH_DURATION_S (5 per run), BENCH_ROUNDS (3). Run with `npm run bench:transport`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { ServiceTokenSigner } from '../../libs/platform/auth/src/lib/service-token';
import { CoreTransport } from '../../libs/core-client/src/lib/transport/core-transport';
import { testServiceKey } from '../../libs/core-client/src/testing/stub-server';
import { testClient } from '../../libs/core-client/src/testing/test-client';

const DURATION_MS = Number(process.env['BENCH_DURATION_S'] ?? 5) * 1000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONCURRENCY = 50;
const CONNECTIONS = 64;
const IDS = 500;
/** The product page's five reads, as core-client sends them: path and query parameters. */
const reads = (id: number): Array<[`/${string}`, Record<string, number>?]> => [
  [`/products/${id}`],
  [`/products/${id}/reviews`, { limit: 5 }],
  [`/products/${id}/reviews/summary`],
  [`/inventory/${id}`],
  [`/products/${id}/related`, { limit: 8 }],
];
const withQuery = ([path, params]: [string, Record<string, number>?]) =>
  params
    ? `${path}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`
    : path;

async function startStub(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(__dirname, 'core-stub.mjs'), '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve((JSON.parse(chunk.toString()) as { url: string }).url),
    );
    child.once('exit', () => reject(new Error('core-stub exited')));
  });
  return { url, stop: () => child.kill() };
}

type Page = (id: number) => Promise<unknown>;

async function variants(url: string): Promise<Array<[string, Page]>> {
  const authorization = `Bearer ${await new ServiceTokenSigner('web-bff', testServiceKey()).tokenFor(null)}`;
  const headers = {
    accept: 'application/json',
    'user-agent': 'bench (core-client)',
    authorization,
  };
  const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1, keepAliveTimeout: 30_000 });
  const plain: Page = (id) =>
    Promise.all(
      reads(id).map(async (read) =>
        (await pool.request({ path: withQuery(read), method: 'GET', headers })).body.json(),
      ),
    );

  const signal = new AbortController().signal;
  const signalled = new Pool(url, {
    connections: CONNECTIONS,
    pipelining: 1,
    keepAliveTimeout: 30_000,
  });
  const plainWithSignal: Page = (id) =>
    Promise.all(
      reads(id).map(async (read) =>
        (
          await signalled.request({ path: withQuery(read), method: 'GET', headers, signal })
        ).body.json(),
      ),
    );

  // Wired as CoreClientModule wires it, on a pool of its own.
  const transport = new CoreTransport(
    new Pool(url, { connections: CONNECTIONS, pipelining: 1, keepAliveTimeout: 30_000 }),
    {
      baseUrl: url,
      userAgent: 'bench (core-client)',
    },
  );
  const viaTransport: Page = (id) =>
    Promise.all(
      reads(id).map(([path, query]) =>
        transport.send({ method: 'GET', path, query }, signal, authorization),
      ),
    );

  const { client } = testClient(url, { cache: false, connections: CONNECTIONS });
  const viaClient: Page = (id) =>
    Promise.all([
      client.getProduct(id),
      client.getReviews(id, { limit: 5 }),
      client.getRatingSummary(id),
      client.getInventory(id),
      client.getRelated(id, 8),
    ]);
  return [
    ['plain undici', plain],
    ['plain undici + signal', plainWithSignal],
    ['core-client transport', viaTransport],
    ['CoreApiClient (policies on)', viaClient],
  ];
}

async function load(page: Page): Promise<{ pages: number; cpuUs: number }> {
  let pages = 0;
  let next = 0;
  const until = Date.now() + DURATION_MS;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        await page(1 + (next++ % IDS));
        pages++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { pages, cpuUs: used.user + used.system };
}

async function main(): Promise<void> {
  const stub = await startStub();
  try {
    const targets = await variants(stub.url);
    for (const [, page] of targets) for (let i = 0; i < 200; i++) await page(1 + i); // warm up: JIT, connections, token
    const totals = new Map(targets.map(([name]) => [name, { pages: 0, cpuUs: 0 }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, page] of round % 2 ? [...targets].reverse() : targets) {
        const run = await load(page);
        const total = totals.get(name) ?? { pages: 0, cpuUs: 0 };
        total.pages += run.pages;
        total.cpuUs += run.cpuUs;
        await sleep(200);
      }
    }
    console.log(
      `bench:transport: ${CONCURRENCY} concurrent pages of 5 GETs, ${DURATION_MS / 1000} s × ${ROUNDS} rounds per row, 0 ms stub, node ${process.version}\n`,
    );
    console.log('transport                       pages/s   CPU µs/page   CPU ratio');
    const reference = totals.get(targets[0]?.[0] ?? '') ?? { pages: 1, cpuUs: 0 };
    const refCpu = reference.cpuUs / reference.pages;
    for (const [name, total] of totals) {
      const cpu = total.cpuUs / total.pages;
      const rate = total.pages / ((DURATION_MS / 1000) * ROUNDS);
      console.log(
        `${name.padEnd(30)}${rate.toFixed(0).padStart(9)}${cpu.toFixed(0).padStart(14)}${(cpu / refCpu).toFixed(2).padStart(12)}`,
      );
    }
  } finally {
    stub.stop();
  }
  process.exit(0);
}

void main();
