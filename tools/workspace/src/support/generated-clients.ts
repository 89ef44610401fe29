// What the three client generators make of an OpenAPI document: each one's operation names and
// TypeScript's verdict on its output. The generators run in a child process
// (generate-clients.mjs: they are ES modules), offline, in a temporary directory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { ROOT } from './workspace';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export interface GeneratedClients {
  /** Keys of openapi-typescript's `operations` interface: the operation ids as they are. */
  openapiTypescript: string[];
  /** orval's request functions (`export const homeScreenGetV1 = async (…)`). */
  orval: string[];
  /** hey-api's SDK functions (`export const homeScreenGetV1 = <ThrowOnError …>(…)`). */
  heyApi: string[];
  /** TypeScript errors in the three outputs and in a client made with openapi-fetch. */
  typeErrors: string[];
  /** `generator: message` for each generator that refused the document. */
  failures: string[];
}

type Document = { paths: Record<string, Record<string, { operationId?: string }>> };

/** Every operation id of the document, in order. */
export function operationIds(document: Document): string[] {
  return Object.values(document.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([, operation]) => operation.operationId ?? ''),
  );
}

/**
 * The name orval and hey-api give an operation's function: the id in camelCase
 * (`HomeScreen_get_v1` → `homeScreenGetV1`). Anything else in their output is a renamed operation.
 */
export const camelCaseOf = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part, i) => (i === 0 ? part[0]?.toLowerCase() : part[0]?.toUpperCase()) + part.slice(1))
    .join('');

/** Generates the three clients for `document` (an object), reads their names and compiles them. */
export function generateClients(document: Document, name: string): GeneratedClients {
  const dir = mkdtempSync(join(tmpdir(), `clients-${name}-`));
  try {
    const input = join(dir, `${name}.json`);
    writeFileSync(input, JSON.stringify(document));
    const run = spawnSync(
      process.execPath,
      [join(__dirname, 'generate-clients.mjs'), input, join(dir, 'out')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`generators failed: ${run.stderr}`);
    // The outputs import openapi-fetch (and nothing else) from the workspace's packages.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const out = (file: string) => join(dir, 'out', file);
    const usage = join(dir, 'use-openapi-fetch.ts');
    const firstPath = Object.keys(document.paths)[0] ?? '/';
    writeFileSync(
      usage,
      `import createClient from 'openapi-fetch';\n` +
        `import type { paths } from './out/openapi-typescript/schema';\n` +
        `export const client = createClient<paths>({ baseUrl: '/' });\n` +
        `export type First = paths[${JSON.stringify(firstPath)}];\n`,
    );
    const failures = JSON.parse(readFileSync(out('failures.json'), 'utf8')) as Record<
      string,
      string
    >;
    const outputs = {
      openapiTypescript: out('openapi-typescript/schema.d.ts'),
      orval: out('orval/client.ts'),
      heyApi: out('hey-api/sdk.gen.ts'),
    };
    return {
      openapiTypescript: interfaceKeys(outputs.openapiTypescript, 'operations'),
      orval: exportedNames(outputs.orval, /^export const (\w+) = async \(/gm),
      heyApi: exportedNames(outputs.heyApi, /^export const (\w+) = <ThrowOnError/gm),
      typeErrors: typeErrorsIn(
        [usage, outputs.orval, out('hey-api/index.ts')].filter((file) => existsSync(file)),
        dir,
      ),
      failures: Object.entries(failures).map(([generator, message]) => `${generator}: ${message}`),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names the pattern captures in a generated file; none when the generator wrote no file. */
function exportedNames(file: string, pattern: RegExp): string[] {
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => match[1] ?? '');
}

/** The member names of `export interface <name>` in a declaration file, repeats included. */
function interfaceKeys(file: string, name: string): string[] {
  if (!existsSync(file)) return [];
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  return (declaration?.members ?? []).map((member) =>
    member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
      ? member.name.text
      : '',
  );
}

/** Compiles the files strictly with the workspace's TypeScript, as a frontend would: `file: error`. */
function typeErrorsIn(files: string[], dir: string): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? relative(join(dir, 'out'), d.file.fileName) : '';
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}
