// The core-api documents a BFF's pact must hold against: today's, and the one at core-api's last
// release (the BFF may be deployed beside either). Used by each BFF's consumer spec.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileAt, lastReleaseRef } from '../release-ref';
import { OpenApiDocument, PactDocument, PactVsOpenApi } from './pact-vs-openapi';

const DOC = 'openapi/core-api.json';

/** `[label, document]` for today's document and the last released one (when it existed there). */
export function coreApiDocuments(root: string): [string, OpenApiDocument][] {
  const release = lastReleaseRef('core-api', root);
  const released = fileAt(release.ref, DOC, root);
  const where = release.kind === 'release' ? release.ref : `merge base ${release.ref.slice(0, 12)}`;
  return [
    [`${DOC} today`, JSON.parse(readFileSync(join(root, DOC), 'utf8'))],
    ...(released
      ? [
          [`${DOC} at core-api's last release (${where})`, JSON.parse(released)] as [
            string,
            OpenApiDocument,
          ],
        ]
      : []),
  ];
}

/** What in `consumer`'s committed pact the document does not serve ([] when it serves all of it). */
export function pactProblems(consumer: string, document: OpenApiDocument, root: string): string[] {
  const pact = JSON.parse(
    readFileSync(join(root, 'pacts', `${consumer}-core-api.json`), 'utf8'),
  ) as PactDocument;
  return new PactVsOpenApi(document).check(pact);
}
