import { coreApiCases } from './support/live-cases/core-api';
import { genericCases, operationFacts } from './support/live-cases/generic';
import { mobileBffCases } from './support/live-cases/mobile-bff';
import { webBffCases } from './support/live-cases/web-bff';
import { liveContext, MIN_APP_VERSION } from './support/live-context';
import { Service, useThreeServices } from './support/three-services';

/** Low enough to reach cheaply from a second client address, above what the suite sends per route. */
const RATE_LIMIT = 25;
const AUTH_RATE_LIMIT = 12;

/**
 * The committed documents against the live services: every operation of the three documents is
 * driven on its normal path and its error paths (304, 400, 401, 403, 404, 409, 413, 414, 415,
 * 422, 426, 429, and 503 with core-api down), and every answer — status, headers, body — is held
 * to its document strictly (StrictDocument: closed objects, declared headers, declared statuses).
 * An operation the suite does not drive fails the last test, so a new one needs its cases here.
 */
describe('the OpenAPI documents tell the truth about the live services', () => {
  const limits = {
    RATE_LIMIT_MAX: String(RATE_LIMIT),
    AUTH_RATE_LIMIT_MAX: String(AUTH_RATE_LIMIT),
  };
  const started = useThreeServices({
    'web-bff': limits,
    'mobile-bff': { ...limits, MIN_APP_VERSION },
  });
  const ctx = liveContext(started);

  describe('core-api', () => coreApiCases(ctx));
  describe('web-bff', () => webBffCases(ctx));
  describe('mobile-bff', () => mobileBffCases(ctx));
  describe('every operation by the same rule', () => genericCases(ctx, RATE_LIMIT));

  describe('with core-api down', () => {
    it.each(['web-bff', 'mobile-bff'] as Service[])(
      '%s answers what its document declares (503 where it needs core-api)',
      async (service) => {
        await started.services['core-api'].stop();
        const statuses: number[] = [];
        for (const [operation, req] of ctx.live.ledgers[service].successes) {
          if (/\/(health|metrics)/.test(operation)) continue;
          statuses.push((await ctx.live.call(service, req)).status);
        }
        expect(statuses).toContain(503);
      },
    );
  });

  describe('coverage', () => {
    it('met no answer the documents do not declare (LIVE_DOCUMENTS_SURVEY collects them)', () => {
      const survey = [...new Set(ctx.live.survey ?? [])];
      if (survey.length) console.info(survey.join('\n'));
      expect(survey).toEqual([]);
    });

    it.each(['core-api', 'web-bff', 'mobile-bff'] as Service[])(
      '%s: every operation of the document was driven, and each succeeded once (unless it only refuses)',
      (service) => {
        const ledger = ctx.live.ledgers[service];
        const document = ctx.live.documents[service];
        expect([...ledger.statuses.keys()].sort()).toEqual(document.operations().sort());
        const neverSucceeded = document
          .operations()
          .filter((op) => !ledger.successes.has(op))
          .filter(
            (op) => !operationFacts(ctx, service, op).statuses.every((s) => Number(s) >= 400),
          );
        expect(neverSucceeded).toEqual([]);
        const statuses = [...ledger.statuses.values()].reduce((n, s) => n + s.size, 0);
        // For the report: how much of the document the run held to the live service.
        console.info(
          `${service}: ${ledger.statuses.size} operations, ${ledger.answers} answers validated, ` +
            `${statuses} operation×status pairs:\n` +
            [...ledger.statuses].map(([op, s]) => `  ${op}: ${[...s].sort().join(' ')}`).join('\n'),
        );
      },
    );
  });
});
