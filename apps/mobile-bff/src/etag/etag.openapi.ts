import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_HEADER_LENGTH } from '@bff/platform-validation';
import { isRevalidatedTemplate } from '../versioning/route-version';

const ETAG = {
  description:
    'A weak validator of the answer (the same for every content coding); send it back as `If-None-Match`.',
  schema: { type: 'string', example: 'W/"2xQk9vY0Hq8m3d1lC7aZf0rTb5s"' },
};

/**
 * What every GET screen and product picture answers besides its body, written once into the
 * document (the HTTP layer does it once too, in mobile-http.ts, for the same routes): an `ETag`
 * on the 200, the `If-None-Match` the app may send, and the 304 without a body when it matches.
 */
export function declareRevalidation(document: OpenAPIObject): void {
  for (const [template, item] of Object.entries(document.paths)) {
    const get = item.get;
    if (!get || !isRevalidatedTemplate(template)) continue;
    get.parameters = [
      ...(get.parameters ?? []),
      {
        name: 'If-None-Match',
        in: 'header',
        required: false,
        description: 'The `ETag` of the copy the app holds: 304 without a body when it is current.',
        schema: { type: 'string', maxLength: MAX_HEADER_LENGTH, example: ETAG.schema.example },
      },
    ];
    const ok = get.responses['200'];
    if (!ok || '$ref' in ok) continue;
    ok.headers = { ...ok.headers, ETag: ETAG };
    const cacheControl = ok.headers['Cache-Control'];
    get.responses['304'] = {
      description: "Not modified: the app's copy (`If-None-Match`) is current. No body.",
      headers: { ETag: ETAG, ...(cacheControl ? { 'Cache-Control': cacheControl } : {}) },
    };
  }
}
