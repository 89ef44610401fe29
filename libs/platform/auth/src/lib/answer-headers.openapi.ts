import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Header = { description: string; required?: boolean; schema: Record<string, unknown> };

/** Every operation of the document with the method it answers. */
function operations(document: OpenAPIObject): Operation[] {
  return Object.values(document.paths).flatMap((item) =>
    [item.get, item.put, item.post, item.delete, item.patch].filter((op): op is Operation => !!op),
  );
}

/** Adds `name` to the headers of each answer `pick` selects (answers by $ref are left alone). */
export function declareAnswerHeader(
  document: OpenAPIObject,
  name: string,
  header: Header,
  pick: (status: string, operation: Operation) => boolean,
): void {
  for (const operation of operations(document))
    for (const [status, response] of Object.entries(operation.responses))
      if (response && !('$ref' in response) && pick(status, operation))
        response.headers = { ...response.headers, [name]: header };
}

/**
 * The RFC 6750 challenge a bearer-token guard sends with every 401 it gives: `WWW-Authenticate`,
 * declared on every 401 of the document (the guard is the only source of a 401 there).
 */
export function declareBearerChallenge(
  document: OpenAPIObject,
  challenge: { description: string; pattern: string; example: string },
): void {
  declareAnswerHeader(
    document,
    'WWW-Authenticate',
    {
      description: challenge.description,
      required: true,
      schema: {
        type: 'string',
        pattern: challenge.pattern,
        maxLength: 512,
        example: challenge.example,
      },
    },
    (status) => status === '401',
  );
}

/**
 * An answer that sets or clears a cookie is never stored (`CookieAnswersNotStored`): wherever the
 * document declares `Set-Cookie`, it declares `Cache-Control: no-store` beside it.
 */
export function declareCookieAnswersNotStored(document: OpenAPIObject): void {
  declareAnswerHeader(
    document,
    'Cache-Control',
    {
      description: 'An answer that sets or clears a cookie is never stored.',
      schema: { type: 'string', enum: [COOKIE_ANSWER_CACHE_CONTROL] },
    },
    (status, operation) => {
      const response = operation.responses[status];
      return !!response && !('$ref' in response) && !!response.headers?.['Set-Cookie'];
    },
  );
}

/** What `CookieAnswersNotStored` sets on an answer with `Set-Cookie`. */
export const COOKIE_ANSWER_CACHE_CONTROL = 'no-store';
