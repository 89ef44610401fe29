// Generates a client from one OpenAPI document with each of the three generators the frontends
// use, offline, into `outDir`/{openapi-typescript,orval,hey-api}. Run as a child process by
// generated-clients.ts (the generators are ES modules; Jest loads CommonJS). A generator that
// refuses the document is recorded in `outDir`/failures.json, and the others still run.
// Usage: node generate-clients.mjs <document.json> <outDir>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { generate as orval } from 'orval';
import { createClient as heyApi } from '@hey-api/openapi-ts';

const [documentFile, outDir] = process.argv.slice(2).map((p) => resolve(p));
if (!documentFile || !outDir)
  throw new Error('usage: generate-clients.mjs <document.json> <outDir>');
const document = JSON.parse(readFileSync(documentFile, 'utf8'));
mkdirSync(outDir, { recursive: true });

const generators = {
  'openapi-typescript': async () => {
    const dir = join(outDir, 'openapi-typescript');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'schema.d.ts'), astToString(await openapiTS(document)));
  },
  orval: () =>
    orval(
      {
        input: { target: documentFile },
        output: { target: join(outDir, 'orval', 'client.ts'), client: 'fetch', mode: 'single' },
      },
      outDir,
    ),
  'hey-api': () =>
    heyApi({
      input: documentFile,
      output: { path: join(outDir, 'hey-api') },
      plugins: ['@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch'],
      logs: { level: 'silent' },
    }),
};

const failures = {};
for (const [name, run] of Object.entries(generators)) {
  try {
    await run();
  } catch (error) {
    failures[name] = error instanceof Error ? error.message : String(error);
  }
}
writeFileSync(join(outDir, 'failures.json'), JSON.stringify(failures));
