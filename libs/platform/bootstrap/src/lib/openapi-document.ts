import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The document-level parts of a service's OpenAPI document that no decorator writes: where it is
 * served (`servers`) and what its tags mean (`tags`).
 */
export interface DocumentScope {
  /**
   * `internal`: only other services call it (core-api, behind the BFFs); `public`: browsers or
   * apps do. Written as the server's `x-internal`, which documentation tools read.
   */
  audience: 'internal' | 'public';
  /** A sentence for each tag the operations use: every tag used must be described here. */
  tags: Record<string, string>;
}

/**
 * One server, relative (`/`): the origin that serves the document (`/docs-json`) is the service
 * itself, in every environment, so a client generated from it calls where it read it.
 */
export function declareServer(document: OpenAPIObject, scope: DocumentScope): void {
  document.servers = [
    {
      url: '/',
      description:
        'This deployment of the service (local, staging or production): the origin that serves this document.',
      ...{ 'x-internal': scope.audience === 'internal' },
    },
  ];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/**
 * Defines every tag the operations use, in the order first used, with its sentence. Throws when an
 * operation uses a tag the service does not describe, so a new controller cannot leave one
 * undefined (and a described tag no operation uses is left out).
 */
export function declareTags(document: OpenAPIObject, scope: DocumentScope): void {
  const used: string[] = [];
  for (const item of Object.values(document.paths))
    for (const method of METHODS)
      for (const tag of item[method]?.tags ?? []) if (!used.includes(tag)) used.push(tag);
  const undescribed = used.filter((tag) => !scope.tags[tag]);
  if (undescribed.length > 0)
    throw new Error(`OpenAPI tags used but not described: ${undescribed.join(', ')}`);
  document.tags = used.map((name) => ({ name, description: scope.tags[name] }));
}
