// The other direction of version skew: a BFF's pact against core-api's OpenAPI document (today's,
// or the one at core-api's last release). Every interaction must be an operation the document
// declares, send only declared query parameters and every required parameter and body member,
// expect a declared status, and expect only answer members the document declares, of its types.
import { pointer, StrictSchemas } from './strict-schemas';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  $ref?: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
type PathItem = Record<string, unknown>;
/** The members of an OpenAPI 3.1 document this check reads. */
export interface OpenApiDocument {
  paths?: Record<string, PathItem>;
  [member: string]: unknown;
}

interface PactInteraction {
  description: string;
  request: {
    method: string;
    path: string;
    query?: Record<string, string[]>;
    headers?: Record<string, string[]>;
    body?: { content?: unknown };
  };
  response: { status: number; body?: { content?: unknown; contentType?: string } };
}
export interface PactDocument {
  consumer: { name: string };
  interactions: PactInteraction[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** The template the document declares `method path` under (a literal path before a template). */
const operationAt = (doc: OpenApiDocument, template: string, method: string) =>
  doc.paths?.[template]?.[method] as Operation | undefined;

function templateOf(doc: OpenApiDocument, method: string, path: string): string | undefined {
  const matches = Object.keys(doc.paths ?? {}).filter(
    (t) =>
      operationAt(doc, t, method) && new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
  return matches.sort((a, b) => a.split('{').length - b.split('{').length)[0];
}

/** The parameter objects of an operation, path-level ones included, $refs resolved. */
function parametersOf(doc: OpenApiDocument, template: string, method: string): Parameter[] {
  const resolve = (p: Parameter): Parameter =>
    typeof p.$ref === 'string'
      ? (p.$ref
          .slice(2)
          .split('/')
          .reduce<unknown>(
            (n, k) => (n as Record<string, unknown> | undefined)?.[k],
            doc,
          ) as Parameter)
      : p;
  const shared = (doc.paths?.[template]?.['parameters'] ?? []) as Parameter[];
  return [...shared, ...(operationAt(doc, template, method)?.parameters ?? [])].map(resolve);
}

export class PactVsOpenApi {
  private readonly answers: StrictSchemas;
  private readonly requests: StrictSchemas;

  constructor(private readonly doc: OpenApiDocument) {
    this.answers = new StrictSchemas(doc, false);
    this.requests = new StrictSchemas(doc, true);
  }

  /** Every problem, as `consumer: "interaction" — what`; [] when the document serves the pact. */
  check(pact: PactDocument): string[] {
    return pact.interactions.flatMap((i) =>
      this.interactionProblems(i).map((p) => `${pact.consumer.name}: "${i.description}" — ${p}`),
    );
  }

  private interactionProblems({ request, response }: PactInteraction): string[] {
    const method = request.method.toLowerCase();
    if (!METHODS.includes(method)) return [`${request.method} is no HTTP method`];
    const template = templateOf(this.doc, method, request.path);
    if (!template) return [`${request.method} ${request.path} is not an operation of the document`];
    const op = `${request.method.toUpperCase()} ${template}`;
    const params = parametersOf(this.doc, template, method);
    const problems: string[] = [];
    const sentQuery = Object.keys(request.query ?? {});
    const sentHeaders = Object.keys(request.headers ?? {}).map((h) => h.toLowerCase());
    for (const name of sentQuery)
      if (!params.some((p) => p.in === 'query' && p.name === name))
        problems.push(`${op} does not declare query parameter "${name}"`);
    for (const p of params.filter((p) => p.required === true)) {
      const sent =
        p.in === 'path' ||
        (p.in === 'query' && sentQuery.includes(p.name)) ||
        (p.in === 'header' && sentHeaders.includes(p.name.toLowerCase()));
      if (!sent) problems.push(`${op} requires ${p.in} parameter "${p.name}", not sent`);
    }
    const operation = operationAt(this.doc, template, method) ?? {};
    const body = request.body?.content;
    const requestBody = operation.requestBody;
    if (requestBody?.required && body === undefined)
      problems.push(`${op} requires a body, not sent`);
    if (body !== undefined) {
      if (!requestBody?.content?.['application/json']) problems.push(`${op} declares no JSON body`);
      else {
        const at = pointer(
          'paths',
          template,
          method,
          'requestBody',
          'content',
          'application/json',
          'schema',
        );
        for (const p of this.requests.problems(at, body)) problems.push(`${op} request body: ${p}`);
      }
    }
    const status = String(response.status);
    const declared = operation.responses ?? {};
    const key = [status, `${status[0]}XX`, 'default'].find((k) => k in declared);
    if (!key) return [...problems, `${op} does not declare status ${status}`];
    const answer = response.body?.content;
    if (answer !== undefined) {
      const types = Object.keys(declared[key]?.content ?? {});
      const type = types.find((t) => /json/.test(t));
      if (!type) problems.push(`${op} ${status} declares no JSON body`);
      else {
        const at = pointer('paths', template, method, 'responses', key, 'content', type, 'schema');
        for (const p of this.answers.problems(at, answer))
          problems.push(`${op} ${status} answer: ${p}`);
      }
    }
    return problems;
  }
}
