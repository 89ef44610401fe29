// The documents a consumer's pact must hold against: the provider's today, and the one at the
// provider's last release (the consumer may be deployed beside either). Used by each BFF's
// consumer spec with core-api as the provider.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileAt, lastReleaseRef } from '../release-ref';
import { OpenApiDocument, PactDocument, PactVsOpenApi } from './pact-vs-openapi';

/** `[label, document]` for `openapi/<app>.json` today and at the app's last release (when it existed there). */
export function releasedDocuments(app: string, root: string): [string, OpenApiDocument][] {
  const path = `openapi/${app}.json`;
  const release = lastReleaseRef(app, root);
  const released = fileAt(release.ref, path, root);
  const where = release.kind === 'release' ? release.ref : `merge base ${release.ref.slice(0, 12)}`;
  const today: [string, OpenApiDocument] = [
    `${path} today`,
    JSON.parse(readFileSync(join(root, path), 'utf8')) as OpenApiDocument,
  ];
  if (released === undefined) return [today];
  return [
    today,
    [`${path} at ${app}'s last release (${where})`, JSON.parse(released) as OpenApiDocument],
  ];
}

/** What in `pacts/<consumer>-<provider>.json` the document does not serve ([] when it serves all of it). */
export function pactProblems(
  consumer: string,
  provider: string,
  document: OpenApiDocument,
  root: string,
): string[] {
  const pact = JSON.parse(
    readFileSync(join(root, 'pacts', `${consumer}-${provider}.json`), 'utf8'),
  ) as PactDocument;
  return new PactVsOpenApi(document).check(pact);
}

/**
 * The consumer spec's check that its committed pact is served by the provider's document today and
 * at the provider's last release: the consumer may be deployed beside either.
 */
export function describePactServedByReleasedDocuments(
  consumer: string,
  provider: string,
  root: string,
): void {
  describe(`${consumer}'s pact against ${provider}'s OpenAPI documents`, () => {
    it.each(releasedDocuments(provider, root))('is served by %s', (_, document) => {
      expect(pactProblems(consumer, provider, document, root)).toEqual([]);
    });
  });
}
