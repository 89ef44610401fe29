export { fileAt, isShallow, lastReleaseRef } from './lib/release-ref';
export type { ReleaseRef } from './lib/release-ref';
export { PactVsOpenApi } from './lib/pact/pact-vs-openapi';
export type { OpenApiDocument, PactDocument } from './lib/pact/pact-vs-openapi';
export {
  describePactServedByReleasedDocuments,
  pactProblems,
  releasedDocuments,
} from './lib/pact/released-documents';
