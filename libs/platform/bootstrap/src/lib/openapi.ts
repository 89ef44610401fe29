import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto, titleFor } from '@bff/platform-problem';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { declareServer, declareTags, DocumentScope } from './openapi-document';
import { declareProblemExamples, ProblemExamples } from './problem-examples';

export interface OpenApiInfo {
  title: string;
  description: string;
  version: string;
  /**
   * The security scheme operations reference by `name`: a bearer token (`@ApiBearerAuth(name)`),
   * or, with `cookie`, a session cookie of that name (`@ApiCookieAuth(name)`).
   */
  security?: { name: string; description: string; cookie?: string };
  /**
   * Adjusts the generated document, for what decorators cannot say per operation (e.g. that every
   * operation under /v1 is deprecated). Runs once, before the document is served or written.
   */
  patch?: (document: OpenAPIObject) => void;
  /** Who calls the service and what its tags mean: the document's `servers` and `tags`. */
  scope?: DocumentScope;
  /** The service's own example of a status's problem (e.g. its 401), over the platform's. */
  problemExamples?: ProblemExamples;
  /** Schemas no decorator names but a `patch` refers to (e.g. a problem with members of its own). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- what SwaggerModule takes
  extraModels?: Function[];
}

/** Each app's document, built on first use (memoized). */
const documents = new WeakMap<INestApplication, () => OpenAPIObject>();

/** Where Swagger UI is served; the documents are at `/docs-json` and `/docs-yaml`. */
export const DOCS_PATH = '/docs';

/**
 * Serves Swagger UI at `/docs` and the document at `/docs-json` unless `serve` is false. The
 * document is built when it is first asked for (a request to the docs, `openApiDocument()`), not
 * at start-up: scanning every route's metadata is tens of milliseconds of a start, and a service
 * with its docs off never needs it.
 */
export function setupOpenApi(
  app: INestApplication,
  info: OpenApiInfo,
  { serve }: { serve: boolean } = { serve: true },
): void {
  let document: OpenAPIObject | undefined;
  const build = () => (document ??= buildDocument(app, info));
  if (serve)
    SwaggerModule.setup(DOCS_PATH.slice(1), app, build, {
      jsonDocumentUrl: 'docs-json',
      yamlDocumentUrl: 'docs-yaml',
    });
  documents.set(app, build);
}

function buildDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    .setOpenAPIVersion('3.1.0');
  if (info.security?.cookie) {
    builder.addCookieAuth(
      info.security.cookie,
      { type: 'apiKey', in: 'cookie', description: info.security.description },
      info.security.name,
    );
  } else if (info.security) {
    builder.addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: info.security.description,
      },
      info.security.name,
    );
  }
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory,
    extraModels: [ProblemDetailsDto, ...(info.extraModels ?? [])],
  });
  declareBodyProblems(document);
  info.patch?.(document);
  if (info.scope) {
    declareServer(document, info.scope);
    declareTags(document, info.scope);
  }
  declareProblemExamples(document, info.problemExamples);
  declareRequestIdHeader(document);
  return document;
}

/**
 * What createApp answers before any controller runs, declared here once for every operation:
 * 413 (over `bodyLimit`) and 415 (not JSON) where a body is taken, and 414 where the path has a
 * parameter (the router refuses one over `maxParamLength`); and the 500 the problem filter gives
 * for any unexpected error, which any operation can meet.
 */
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;

function declareBodyProblems(document: OpenAPIObject): void {
  const problem = { schema: { $ref: getSchemaPath(ProblemDetailsDto) } };
  const declare = (operation: OperationObject, status: number) =>
    (operation.responses[status] ??= {
      description: titleFor(status),
      content: { [PROBLEM_CONTENT_TYPE]: problem },
    });
  for (const [template, item] of Object.entries(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation) continue;
      if (operation.requestBody) for (const status of [413, 415]) declare(operation, status);
      if (template.includes('{')) declare(operation, 414);
      declare(operation, 500);
    }
  }
}

/**
 * Every answer of every service carries `X-Request-Id` (platform-logging: the caller's well-formed
 * id, or a new one), so every response in the document declares it: once, as a shared component
 * each response refers to. Runs after the service's own `patch`, so answers it adds have it too.
 */
function declareRequestIdHeader(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.headers = {
    ...document.components.headers,
    'X-Request-Id': {
      description:
        "The request's id: the caller's `X-Request-Id` when well formed (8–128 of `A-Za-z0-9._:-`), else a new UUID. In every log line and problem body.",
      schema: { type: 'string', maxLength: 128, example: 'b3e1c1f0-52f4-4b0e-9a51-1f7f0f3d9b1e' },
    },
  };
  const ref = { $ref: '#/components/headers/X-Request-Id' };
  for (const item of Object.values(document.paths))
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete, item.head])
      for (const response of Object.values(operation?.responses ?? {}))
        if (response && !('$ref' in response))
          response.headers = { ...response.headers, 'X-Request-Id': ref };
}

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const build = documents.get(app);
  if (!build) throw new Error('setupOpenApi() has not run for this app');
  return build();
}

/** Stable text form of the document, as committed under `openapi/`. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return JSON.stringify(document, null, 2) + '\n';
}

export function writeOpenApi(app: INestApplication, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serializeOpenApi(openApiDocument(app)));
}

/**
 * `Controller_method`, and `_v<version>` (`HomeScreen_get_v1`) for a handler served under several API versions (one
 * controller answering /v1 and /v2): every operation id in a document is unique, as OpenAPI
 * requires and client generators depend on (one shared id makes openapi-typescript fail to
 * compile, orval drop operations and hey-api rename them).
 */
export function operationIdFactory(controllerKey: string, methodKey: string, version?: string) {
  const id = `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;
  // Nest passes the version as the path writes it (`v1`).
  return version ? `${id}_${version}` : id;
}
