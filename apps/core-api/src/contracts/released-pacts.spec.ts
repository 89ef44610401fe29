// core-api verifies the pacts of each BFF's last release as well as the current ones (the BFFs in
// production were built against an older core-api). Shown on this repository and on a fixture
// repository with a release history, where planted changes to core-api break the released pact.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../testing/test-app';
import { Change, changedCoreApi } from '../testing/pact/changed-core-api';
import { providerStates } from '../testing/pact/provider-states';
import { pactConsumers, releasedPacts } from '../testing/pact/released-pacts';
import { releaseFixture, ReleaseFixture } from '../testing/pact/release-fixture';
import { serviceTokenFilter } from '../testing/pact/service-token-filter';
import { verifyPact } from '../testing/pact/verify-pact';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** core-api's 400 for one field, as its validation pipe words it. */
const refusal = (field: string, where: 'query' | 'body', message: string) => ({
  status: 400,
  body: {
    status: 400,
    code: 'validation_failed',
    errors: [{ field, in: where, messages: [message] }],
  },
});
/** The BFFs with a pact in this checkout: each one's last release is verified. */
const BFFS = pactConsumers(ROOT);
const current = (bff: string) => readFileSync(join(ROOT, 'pacts', `${bff}-core-api.json`), 'utf8');

describe("core-api honours each BFF's last released pact", () => {
  let api: TestApp;
  const scratch = mkdtempSync(join(tmpdir(), 'released-pacts-'));
  beforeAll(async () => {
    api = await startTestApp(BFFS);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Verifies a pact's text against core-api, or against core-api changed by `change`. */
  async function verify(text: string, name: string, change?: Change): Promise<string[]> {
    const file = join(scratch, name);
    writeFileSync(file, text);
    const changed = change ? await changedCoreApi(api.url, change) : undefined;
    try {
      return await verifyPact(file, {
        providerBaseUrl: changed?.url ?? api.url,
        stateHandlers: providerStates(api),
        requestFilter: serviceTokenFilter(api),
      });
    } finally {
      await changed?.close();
    }
  }

  it.each(BFFS)(
    'in this repository: verifies %s at its last release, or says why not',
    async (bff) => {
      const [released] = releasedPacts(ROOT, [bff]);
      console.info(released!.note);
      if (released!.text) expect(await verify(released!.text, `${bff}-released.json`)).toEqual([]);
      else
        expect(released!.note).toMatch(
          /had no pacts\/.+ at .+: nothing released to verify, skipped$/,
        );
    },
  );

  describe('in a repository where web-bff released 1.0.0 and mobile-bff never released', () => {
    let repo: ReleaseFixture;
    let webReleased = '';
    beforeAll(() => {
      repo = releaseFixture(current('web-bff'), current('mobile-bff'));
      const released = releasedPacts(repo.dir);
      expect(released.map((r) => r.consumer)).toEqual(['mobile-bff', 'web-bff']);
      const [mobile, web] = released;
      expect(web).toMatchObject({ release: { kind: 'release', ref: 'web-bff@1.0.0' } });
      // fileAt answers git's output trimmed: the JSON is the same.
      expect(web!.text).toBe(current('web-bff').trim());
      expect(mobile).toMatchObject({ release: { kind: 'merge-base' }, text: undefined });
      expect(mobile!.note).toMatch(
        /^mobile-bff had no pacts\/mobile-bff-core-api.json at the merge base .+skipped$/,
      );
      webReleased = web!.text!;
    });
    afterAll(() => repo?.remove());

    it('verifies the released web-bff pact', async () => {
      expect(await verify(webReleased, 'web-bff@1.0.0.json')).toEqual([]);
    });

    it('passes an additive change: new members in the answers', async () => {
      const change: Change = {
        answer: (_, body) => ({ ...body, addedLater: { badge: 'new' } }),
      };
      expect(await verify(webReleased, 'web-bff@1.0.0.json', change)).toEqual([]);
    });

    it.each<[string, Change, string, RegExp]>([
      [
        'a removed response field (the product’s name)',
        {
          answer: ({ url }, body) =>
            /^\/products\/\d+$/.test(url.pathname) ? { ...body, name: undefined } : body,
        },
        'a request for product 1',
        /name/,
      ],
      [
        'a renamed query parameter (reviews take pageSize, no longer limit)',
        {
          refuse: ({ url }) =>
            /^\/products\/\d+\/reviews$/.test(url.pathname) && url.searchParams.has('limit')
              ? refusal('limit', 'query', 'property limit should not exist')
              : undefined,
        },
        'a request for the first 5 reviews of product 1',
        /expected 200 but was 400/,
      ],
      [
        'a new required body field (linking a customer needs a locale)',
        {
          refuse: ({ method, url, body }) =>
            method === 'POST' &&
            url.pathname === '/customers/link' &&
            !(body as { locale?: string })?.locale
              ? refusal('locale', 'body', 'locale should not be empty')
              : undefined,
        },
        'a sign-in linking the provider’s subject to a customer',
        /expected 200 but was 400/,
      ],
    ])(
      'fails on %s, naming the consumer and the interaction',
      async (_, change, interaction, why) => {
        const failures = await verify(webReleased, 'web-bff@1.0.0.json', change);
        expect(failures).toHaveLength(1);
        expect(failures[0]).toContain(`web-bff: "`);
        expect(failures[0]).toContain(`- ${interaction}"`);
        expect(failures[0]).toMatch(why);
      },
    );
  });
});
