import type { OpenAPIObject } from '@nestjs/swagger';
import { APP_VERSION_HEADER } from './app-version';

const VERSIONED = /^\/v(\d+)\//;
const PROBLEM = { $ref: '#/components/schemas/ProblemDetailsDto' };

/**
 * What every versioned operation shares, written once into the OpenAPI document instead of on
 * each handler: v1 operations are deprecated (their answers carry Deprecation and Sunset), and
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
          schema: { type: 'string', example: '1.4.2' },
        });
      }
      operation.responses['426'] ??= {
        description: 'Upgrade Required: the app is older than the minimum version and must update.',
        content: { 'application/problem+json': { schema: PROBLEM } },
      };
    }
  }
}
