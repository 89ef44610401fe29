import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  camelCaseOf,
  generateClients,
  GeneratedClients,
  operationIds,
} from './support/generated-clients';
import { APPS, ROOT } from './support/workspace';

const read = (app: string) =>
  JSON.parse(readFileSync(join(ROOT, 'openapi', `${app}.json`), 'utf8')) as Parameters<
    typeof operationIds
  >[0];

/**
 * What each generator's output must be for a document: one function or operation per id, named
 * after it (the id itself for openapi-typescript, its camelCase for orval and hey-api), none
 * dropped, none renamed (`…2`), and code that compiles.
 */
function problemsOf(clients: GeneratedClients, ids: string[]): string[] {
  const compare = (generator: string, names: string[], wanted: string[]) => {
    const count = (list: string[], name: string) => list.filter((n) => n === name).length;
    return [...new Set([...wanted, ...names])].flatMap((name) => {
      const [want, got] = [count(wanted, name), count(names, name)];
      if (want === 0) return [`${generator} made ${name}`];
      if (got < want) return [`${generator} dropped ${name}`];
      if (got > want) return [`${generator} repeated ${name}`];
      return [];
    });
  };
  const camel = ids.map(camelCaseOf);
  return [
    ...compare('openapi-typescript', clients.openapiTypescript, ids),
    ...compare('orval', clients.orval, camel),
    ...compare('hey-api', clients.heyApi, camel),
    ...clients.failures.map((failure) => `failed: ${failure}`),
    ...clients.typeErrors.map((error) => `tsc: ${error}`),
  ];
}

/**
 * Issue 17: the frontends generate their clients from these documents with openapi-typescript
 * (+ openapi-fetch), orval and hey-api. mobile-bff's v1 and v2 operations used to share ids, so
 * openapi-typescript's output did not compile, orval dropped the v1 operations and hey-api
 * renamed v2 to `…2`. Each generator runs on each committed document, offline.
 */
// Three generators and a strict compile per document: generous, as the machine may be busy.
const GENERATE_TIMEOUT_MS = 300_000;

describe('client generators on the committed OpenAPI documents', () => {
  it.each(APPS)(
    '%s: every operation is generated, under its own name, and compiles',
    (app) => {
      const document = read(app);
      const ids = operationIds(document);
      expect(ids.length).toBeGreaterThan(0);
      expect(problemsOf(generateClients(document, app), ids)).toEqual([]);
    },
    GENERATE_TIMEOUT_MS,
  );

  it(
    "notices mobile-bff's v1 and v2 sharing their ids again",
    () => {
      const document = read('mobile-bff');
      for (const item of Object.values(document.paths))
        for (const operation of Object.values(item))
          if (operation.operationId)
            operation.operationId = operation.operationId.replace(/_v\d$/, '');
      const problems = problemsOf(
        generateClients(document, 'mobile-bff-shared-ids'),
        operationIds(document),
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          // openapi-typescript refuses the document: no types at all.
          expect.stringMatching(/^failed: openapi-typescript: .*unique `operationId`/),
          'openapi-typescript dropped HomeScreen_get',
          // orval writes both functions under one name, which does not compile.
          expect.stringMatching(
            /^tsc: orval\/client\.ts: Cannot redeclare block-scoped variable 'homeScreenGet'/,
          ),
          // hey-api renames the second.
          'hey-api dropped homeScreenGet',
          'hey-api made homeScreenGet2',
        ]),
      );
    },
    GENERATE_TIMEOUT_MS,
  );

  it('names functions as orval and hey-api do', () => {
    expect(camelCaseOf('HomeScreen_get_v1')).toBe('homeScreenGetV1');
    expect(camelCaseOf('Login_callback')).toBe('loginCallback');
  });
});
