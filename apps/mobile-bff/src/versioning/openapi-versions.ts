import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { APP_VERSION_PATTERN } from '../config/env';
import { AppUpdateRequiredProblemDto } from './app-update-problem.dto';
import { APP_VERSION_HEADER } from './app-version';

const VERSIONED = /^\/v(\d+)\//;

/** Registered as an extra model of the document (openApiInfo's `extraModels`). */
const PROBLEM = { $ref: getSchemaPath(AppUpdateRequiredProblemDto) };

/**
 * What every versioned operation shares, written once into the OpenAPI document instead of on
 * each handler: v1 operations are deprecated (every answer carries Deprecation, Sunset and Link), and
 * every versioned operation reads `X-App-Version` and may answer 426.
 */
export function describeVersions(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    const version = VERSIONED.exec(path)?.[1];
    if (!version) continue;
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      if (version === '1') operation.deprecated = true;
      const parameters = (operation.parameters ??= []);
      if (!parameters.some((p) => 'name' in p && p.name.toLowerCase() === APP_VERSION_HEADER)) {
        parameters.push({
          name: 'X-App-Version',
          in: 'header',
          required: false,
          description:
            "The app's version (e.g. 1.4.2). Below the minimum the answer is 426; without it, served.",
          // Up to three parts of at most six digits and two dots: APP_VERSION_PATTERN's longest.
          schema: {
            type: 'string',
            maxLength: 20,
            pattern: APP_VERSION_PATTERN.source,
            example: '1.4.2',
          },
        });
      }
      operation.responses['426'] ??= {
        description: 'Upgrade Required: the app is older than the minimum version and must update.',
        content: { 'application/problem+json': { schema: PROBLEM } },
      };
      if (version === '1') declareDeprecationHeaders(operation);
    }
  }
}

const DEPRECATION_HEADERS = {
  Deprecation: {
    description: 'When v1 was deprecated (RFC 9745): `@<epoch seconds>`. On every v1 answer.',
    schema: { type: 'string', pattern: '^@\\d+$', maxLength: 16, example: '@1793491200' },
  },
  Sunset: {
    description: 'After this date v1 may stop answering (RFC 8594). On every v1 answer.',
    schema: { type: 'string', maxLength: 40, example: 'Wed, 30 Jun 2027 00:00:00 GMT' },
  },
  Link: {
    description: 'The same resource in v2: `</v2/…>; rel="successor-version"`. On every v1 answer.',
    schema: {
      type: 'string',
      maxLength: 4096,
      example: '</v2/screens/home>; rel="successor-version"',
    },
  },
};

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/** The headers the HTTP layer puts on every answer of a v1 route (mobile-http.ts). */
function declareDeprecationHeaders(operation: Operation): void {
  for (const response of Object.values(operation.responses))
    if (response && !('$ref' in response))
      response.headers = { ...response.headers, ...DEPRECATION_HEADERS };
}
