import type { AnySchema, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';

// Holds a live answer to an OpenAPI 3.1 document, strictly: the status must be declared for the
// operation, every object schema is read as closed (a member it does not name fails, unless the
// schema itself says `additionalProperties`), and every response header that carries meaning
// must be declared for that status and match its schema. The committed documents are written
// by the services' own decorators: this is what keeps them honest about what the services send.

type Json = Record<string, unknown>;
interface HeaderObject {
  $ref?: string;
  required?: boolean;
  schema?: Json;
}
interface ResponseObject {
  content?: Record<string, { schema?: Json }>;
  headers?: Record<string, HeaderObject>;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Json>; headers?: Record<string, HeaderObject> };
  [member: string]: unknown;
}

/** An answer as the client received it: its request's method and path (no query) and all it got. */
export interface LiveAnswer {
  method: string;
  path: string;
  status: number;
  /** Every header line as sent (a repeated header, e.g. Set-Cookie, is several entries). */
  headers: Array<[string, string]>;
  body: string;
}

/**
 * Headers no document declares, and why. They are about the connection or the bytes on the wire
 * (the client library handles them, whatever the operation), or they are the browser security
 * policy one hook sets identically on every answer of a service (platform-security's helmet
 * headers): the same on every response of every operation, read by browsers and not by API
 * clients, so declaring them 3,000 times would add noise and no contract. `Content-Type` is
 * checked against the declared media types instead. Every other header must be declared.
 */
export const UNDECLARED_HEADERS: ReadonlySet<string> = new Set([
  // connection and framing (RFC 9110/9112)
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-type',
  // content coding and its cache key: negotiated per request, invisible after decoding
  'content-encoding',
  'vary',
  // browser security policy (helmet), the same on every answer
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const DOC_ID = 'document.json';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** A JSON pointer as a URI fragment (`~` and `/` escaped, then percent-encoded). */
const pointer = (segments: string[]) =>
  segments
    .map((s) => `/${encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))}`)
    .join('');

/**
 * A copy of `schema` in which every object schema that does not say otherwise refuses members it
 * does not name. Only schema positions are walked (a `properties` map's keys are names, not schemas).
 */
export function closeSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const s = { ...(schema as Json) };
  if (s['properties'] && typeof s['properties'] === 'object') {
    s['properties'] = Object.fromEntries(
      Object.entries(s['properties'] as Json).map(([name, sub]) => [name, closeSchema(sub)]),
    );
  }
  for (const key of ['items', 'not', 'additionalProperties'] as const)
    if (s[key] && typeof s[key] === 'object') s[key] = closeSchema(s[key]);
  for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const)
    if (Array.isArray(s[key])) s[key] = (s[key] as unknown[]).map(closeSchema);
  const isObject =
    s['type'] === 'object' || (Array.isArray(s['type']) && s['type'].includes('object'));
  if ((isObject || s['properties']) && !('additionalProperties' in s) && !('$ref' in s))
    s['additionalProperties'] = false;
  return s;
}

/** The document with every schema it holds closed (components and the operations' own). */
export function closeDocument(document: OpenApiDocument): OpenApiDocument {
  const copy = JSON.parse(JSON.stringify(document)) as OpenApiDocument;
  const schemas = copy.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) schemas[name] = closeSchema(schema) as Json;
  for (const item of Object.values(copy.paths))
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      for (const response of Object.values(operation.responses))
        for (const media of Object.values(response.content ?? {}))
          if (media.schema) media.schema = closeSchema(media.schema) as Json;
    }
  return copy;
}

export class StrictDocument {
  private readonly ajv: Ajv2020;
  private readonly closed: OpenApiDocument;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    if (!/^3\.1\./.test(document.openapi))
      throw new Error(`OpenAPI ${document.openapi}: this check reads 3.1 documents`);
    this.closed = closeDocument(document);
    // strict: a keyword or format Ajv does not know fails loudly instead of accepting anything.
    this.ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
    // OpenAPI's annotations, and the document's own top-level members (its root is compiled as
    // a schema that checks nothing, so that pointers into it resolve).
    this.ajv.addVocabulary([
      ...new Set(['example', 'xml', 'externalDocs', 'discriminator', ...Object.keys(document)]),
    ]);
    this.ajv.addFormat('date-time', (s: string) => RFC3339.test(s) && !isNaN(Date.parse(s)));
    this.ajv.addFormat('uri', (s: string) => URL.canParse(s));
    this.ajv.addFormat('email', (s: string) => /^[^\s@]+@[^\s@]+$/.test(s));
    // OpenAPI's numeric formats: the range of the integer type they name.
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
    });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    for (const name of ['float', 'double'])
      this.ajv.addFormat(name, { type: 'number', validate: () => true });
    this.ajv.addSchema(this.closed as AnySchema, DOC_ID);
  }

  /** Every operation as `METHOD /template`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([template, item]) =>
      Object.keys(item)
        .filter((method) => HTTP_METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
  }

  /** The operation `METHOD /template` a request is for: a literal path wins over a template. */
  operationOf(method: string, path: string): string | undefined {
    const m = method.toLowerCase();
    const params = (template: string) => template.split('{').length;
    const template = Object.keys(this.document.paths)
      .filter(
        (t) =>
          this.document.paths[t]?.[m] &&
          new RegExp(
            `^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
          ).test(path),
      )
      .sort((a, b) => params(a) - params(b))[0];
    return template && `${method.toUpperCase()} ${template}`;
  }

  /** What is wrong with `answer` by the document: `[]` when the document declares all of it. */
  problemsWith(answer: LiveAnswer): string[] {
    const operation = this.operationOf(answer.method, answer.path);
    if (!operation) return [`no documented operation ${answer.method} ${answer.path}`];
    const [method, template] = operation.split(' ') as [string, string];
    const m = method.toLowerCase();
    const status = String(answer.status);
    const response = this.document.paths[template]?.[m]?.responses[status];
    if (!response) return [`${status} is not declared for ${operation}`];
    const at = ['paths', template, m, 'responses', status];
    return [
      ...this.bodyProblems(response, at, answer),
      ...this.headerProblems(response, at, answer),
    ].map((p) => `${operation} ${status}: ${p}`);
  }

  private bodyProblems(response: ResponseObject, at: string[], answer: LiveAnswer): string[] {
    const content = response.content ?? {};
    const sent = header(answer, 'content-type');
    const type = sent?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (Object.keys(content).length === 0)
      return answer.body === '' ? [] : [`declares no body, got ${type || 'one'}`];
    if (!(type in content)) return [`declares ${Object.keys(content).join(', ')}, not "${type}"`];
    if (!content[type]?.schema) return [];
    const value = type.endsWith('json') ? parseJson(answer.body) : answer.body;
    return this.validate([...at, 'content', type, 'schema'], value);
  }

  private headerProblems(response: ResponseObject, at: string[], answer: LiveAnswer): string[] {
    const declared = new Map(
      Object.keys(response.headers ?? {}).map((name) => [name.toLowerCase(), name]),
    );
    const found: string[] = [];
    for (const [raw, value] of answer.headers) {
      const name = raw.toLowerCase();
      if (UNDECLARED_HEADERS.has(name)) continue;
      const declaredName = declared.get(name);
      if (!declaredName) {
        found.push(`header ${raw} is not declared`);
        continue;
      }
      const object = this.headerObject(response.headers?.[declaredName] ?? {});
      if (!object.schema) continue;
      const schemaAt = object.ref
        ? ['components', 'headers', object.ref, 'schema']
        : [...at, 'headers', declaredName, 'schema'];
      const typed =
        (object.schema['type'] === 'integer' || object.schema['type'] === 'number') &&
        /^-?\d+(\.\d+)?$/.test(value)
          ? Number(value)
          : value;
      found.push(...this.validate(schemaAt, typed).map((p) => `header ${raw}: ${p}`));
    }
    for (const [lower, name] of declared) {
      if (this.headerObject(response.headers?.[name] ?? {}).required && !header(answer, lower))
        found.push(`required header ${name} is missing`);
    }
    return found;
  }

  /** A header object, its `$ref` to `components/headers` followed (the name is kept for pointers). */
  private headerObject(h: HeaderObject): HeaderObject & { ref?: string } {
    if (!h.$ref) return h;
    const ref = h.$ref.split('/').pop() ?? '';
    return { ...(this.document.components?.headers?.[ref] ?? {}), ref };
  }

  private validate(segments: string[], value: unknown): string[] {
    const key = pointer(segments);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}#${key}` });
      this.compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
    );
  }
}

/** The first value of header `name` (any case) in an answer. */
export const header = (answer: Pick<LiveAnswer, 'headers'>, name: string): string | undefined =>
  answer.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

/** JSON, or the text when it is none (which no object schema accepts). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
