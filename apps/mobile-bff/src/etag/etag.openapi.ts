import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_HEADER_LENGTH } from '@bff/platform-validation';
import { isRevalidatedTemplate } from '../versioning/route-version';
import { REVALIDATE_CACHE_CONTROL } from './etag';

const ETAG = {
  description:
    'A weak validator of the answer (the same for every content coding); send it back as `If-None-Match`.',
  schema: { type: 'string', maxLength: 128, example: 'W/"2xQk9vY0Hq8m3d1lC7aZf0rTb5s"' },
};

const REVALIDATE = {
  description: 'The app may keep the answer, and revalidates it (`If-None-Match`) before each use.',
  schema: { type: 'string', enum: [REVALIDATE_CACHE_CONTROL] },
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
    // A handler may declare the header itself (the pictures do): one parameter of a name only.
    const declared = (get.parameters ?? []).some(
      (p) => 'name' in p && p.in === 'header' && p.name.toLowerCase() === 'if-none-match',
    );
    get.parameters = [
      ...(get.parameters ?? []),
      ...(declared
        ? []
        : [
            {
              name: 'If-None-Match',
              in: 'header',
              required: false,
              description:
                'The `ETag` of the copy the app holds: 304 without a body when it is current.',
              schema: {
                type: 'string',
                maxLength: MAX_HEADER_LENGTH,
                example: ETAG.schema.example,
              },
            } as const,
          ]),
    ];
    const ok = get.responses['200'];
    if (!ok || '$ref' in ok) continue;
    // What the HTTP layer sends when the handler set none: the app may keep it, and revalidates.
    const cacheControl = ok.headers?.['Cache-Control'] ?? REVALIDATE;
    ok.headers = { ...ok.headers, ETag: ETAG, 'Cache-Control': cacheControl };
    get.responses['304'] = {
      description: "Not modified: the app's copy (`If-None-Match`) is current. No body.",
      headers: { ETag: ETAG, 'Cache-Control': cacheControl },
    };
  }
}
