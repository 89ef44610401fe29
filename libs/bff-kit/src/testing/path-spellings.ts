import { readFileSync } from 'node:fs';
import { IncomingHttpHeaders, request } from 'node:http';
import { join } from 'node:path';

/** One operation of a committed OpenAPI document. */
export interface DocumentedOperation {
  method: string;
  /** The path template, e.g. `/v2/products/{productId}`. */
  path: string;
  hasBody: boolean;
  /** The names of its declared parameters (path, query, header), as written. */
  parameters: string[];
}

/** Every operation of the committed document openapi/<service>.json. */
export function documentedOperations(service: string): DocumentedOperation[] {
  const file = join(__dirname, '..', '..', '..', '..', 'openapi', `${service}.json`);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<
      string,
      Record<string, { parameters?: { name: string }[]; requestBody?: object }>
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: op.requestBody !== undefined,
      parameters: (op.parameters ?? []).map((p) => p.name),
    })),
  );
}

/**
 * Other spellings of `path` that a lenient router or proxy might take for the same route:
 * `/api/x` becomes `/%61pi/x`, `/API/x`, `/Api/x`, `//api/x`, `/api/./x`, `/api/x/../x`, …
 * (each once).
 */
export function pathSpellings(path: string): string[] {
  const first = path.split('/')[1] ?? '';
  const rest = path.slice(first.length + 1);
  const encoded = `%${first.charCodeAt(0).toString(16)}${first.slice(1)}`;
  const spellings = [
    `/${encoded}${rest}`,
    `/${first.toUpperCase()}${rest}`,
    `/${first[0]?.toUpperCase()}${first.slice(1)}${rest}`,
    `/${path}`,
    `/${first}/.${rest}`,
    `/${first}/x/..${rest}`,
    `${path}/`,
    `${path};param`,
    `${path};jsessionid=1`,
  ];
  return [...new Set(spellings)];
}

/** An answer to a raw request: its status, the `code` of a JSON body, and its headers. */
export interface RawAnswer {
  status: number;
  code?: string;
  headers: IncomingHttpHeaders;
}

/**
 * Sends a request over node:http exactly as written: no URL normalisation on the way (fetch()
 * would resolve `/./` and `/../` before sending).
 */
export function sendRaw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  payload?: string,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const json = /json/.test(res.headers['content-type'] ?? '') && text !== '';
        const code = json ? (JSON.parse(text) as { code?: string }).code : undefined;
        resolve({ status: res.statusCode ?? 0, code, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
