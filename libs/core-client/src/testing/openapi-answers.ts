// Checks an HTTP answer against a committed OpenAPI document (openapi/<service>.json): the
// operation exists, it declares the status, the content type and the body's schema ($refs
// resolved by Ajv). OpenAPI 3.1 schemas are JSON Schema 2020-12, where null is a type of its
// own; a 3.0 document's `nullable` (and boolean exclusive bounds) is translated first
// (openapi-dialect.ts).
import Ajv, { AnySchema, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema30 } from './openapi-dialect';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: AnySchema }> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, AnySchema> };
  [member: string]: unknown;
}

/** An answer as a client saw it: to `method path` (query left out), its status, type and body. */
export interface SeenAnswer {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  body: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const ID = 'openapi.json';
/** A JSON pointer into the document as a URI fragment (`/` as `~1`, then percent-encoded). */
const fragment = (segments: string[]) =>
  segments
    .map((s) => `/${encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))}`)
    .join('');

export class OpenApiAnswers {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    const v31 = /^3\.1\./.test(document.openapi);
    if (!v31 && !/^3\.0\./.test(document.openapi)) {
      throw new Error(`OpenAPI ${document.openapi} is not a version this check reads (3.0, 3.1)`);
    }
    // strict: a keyword or format Ajv does not know fails loudly instead of passing anything.
    const options = { strict: true, allErrors: true, strictTypes: false } as const;
    this.ajv = v31 ? new Ajv2020(options) : new Ajv(options);
    // Ajv reads OpenAPI 3.0's `nullable` on its own, beside a `type` only. Here 3.0 documents are
    // translated first (a nullable $ref too), and in 3.1 `nullable` is no keyword at all (null
    // must be in `type`): a 3.1 document that still carries it is refused, not read either way.
    this.ajv.removeKeyword('nullable');
    // OpenAPI's own annotations, and the document's top-level members (the root a $ref resolves
    // against is the whole document, compiled as a schema that checks nothing).
    this.ajv.addVocabulary([
      ...new Set(['example', 'xml', 'externalDocs', ...Object.keys(document)]),
    ]);
    this.ajv.addFormat('date-time', (s: string) => RFC3339.test(s) && !isNaN(Date.parse(s)));
    this.ajv.addFormat('password', true);
    // OpenAPI's numeric formats: the range of the integer type they name.
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
    });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addSchema((v31 ? document : toJsonSchema30(document)) as AnySchema, ID);
  }

  /** The document openapi/<service>.json of this repository. */
  static load(service: string): OpenApiAnswers {
    const file = join(__dirname, '..', '..', '..', '..', 'openapi', `${service}.json`);
    return new OpenApiAnswers(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }

  /** Every operation as `METHOD /path/{param}`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([template, item]) =>
      Object.keys(item)
        .filter((method) => HTTP_METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
  }

  /** The path template of the operation `method path` is for (a literal path before a template). */
  templateOf(method: string, path: string): string | undefined {
    const candidates = Object.keys(this.document.paths).filter(
      (template) =>
        this.document.paths[template]?.[method.toLowerCase()] &&
        new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
    );
    const params = (template: string) => template.split('{').length;
    return candidates.sort((a, b) => params(a) - params(b))[0];
  }

  /** What is wrong with `answer` by the document: nothing (`[]`) when it is one the document declares. */
  problemsWith(answer: SeenAnswer): string[] {
    const method = answer.method.toLowerCase();
    const template = this.templateOf(method, answer.path);
    if (!template) return [`no documented operation ${answer.method} ${answer.path}`];
    const responses = this.document.paths[template]?.[method]?.responses ?? {};
    const status = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find(
      (key) => key in responses,
    );
    if (!status) return [`${answer.status} is not declared for ${answer.method} ${template}`];
    const content = responses[status]?.content ?? {};
    const type = answer.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (Object.keys(content).length === 0) {
      return answer.body === '' ? [] : [`${status} declares no body, got ${type}`];
    }
    if (!(type in content)) {
      return [`${status} declares ${Object.keys(content).join(', ')}, not "${type}"`];
    }
    if (!content[type]?.schema) return [];
    const pointer = ['paths', template, method, 'responses', status, 'content', type, 'schema'];
    return this.check(fragment(pointer), parse(answer.body));
  }

  /** What is wrong with `value` as the component schema `name` (e.g. `ProblemDetailsDto`). */
  problemsWithComponent(name: string, value: unknown): string[] {
    return this.check(fragment(['components', 'schemas', name]), value);
  }

  private check(pointer: string, value: unknown): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${ID}#${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
    );
  }
}

/** The body as JSON, or its text when it is none (which no object schema accepts). */
function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A concrete URL of a path template: ids are existing products, slugs the fake's category. */
export const concretePath = (template: string): string =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'slug' ? 'kitchen' : '2'));
