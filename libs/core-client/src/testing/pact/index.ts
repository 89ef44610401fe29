// Consumer-driven contracts of the BFFs with core-api (docs/contracts.md, "Consumer contracts").
export * from './catalog-interactions';
export * from './shop-interactions';
export { type CoreInteraction, BEARER, exampleToken } from './core-interaction';
export {
  checkCommittedPact,
  changedInteractions,
  comparable,
  pactFileName,
  PACTS_DIR,
} from './committed-pact';
export { recordCorePact } from './record-core-pact';
