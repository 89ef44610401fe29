// Registers a BFF's consumer tests: each interaction its core-client operations make, recorded
// against Pact's mock core-api by the real operation, then the recorded pact held to the
// committed one (UPDATE_PACTS=1 rewrites it). Pact itself is loaded here only, on first use.
import type { PactV4 } from '@pact-foundation/pact';
import { HttpException } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testClient } from '../test-client';
import { checkCommittedPact, PACTS_DIR, pactFileName } from './committed-pact';
import { BEARER, CoreInteraction, exampleToken } from './core-interaction';
import { Matchers as M } from './shape';

/** What the operation did with the mock's answer: resolved, or the problem it raised. */
async function outcome(interaction: CoreInteraction, url: string) {
  const core = testClient(url, { resilience: { retries: 0 } });
  try {
    await interaction.call(core.client);
    return 'success';
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    const code = (error as HttpException & { code?: string }).code;
    return { status: error.getStatus(), code };
  } finally {
    await core.close();
  }
}

export function recordCorePact(consumer: string, interactions: CoreInteraction[]): void {
  const file = pactFileName(consumer);
  const dir = mkdtempSync(join(tmpdir(), `pact-${consumer}-`));
  let pact: PactV4 | undefined;

  beforeAll(async () => {
    const { PactV4 } = await import('@pact-foundation/pact');
    pact = new PactV4({ consumer, provider: 'core-api', dir, logLevel: 'warn' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(interactions.map((i) => [i.description, i] as const))('%s', async (_, interaction) => {
    if (!pact) throw new Error('Pact did not load');
    let given = pact.addInteraction();
    for (const state of interaction.states) given = given.given(state.name, state.params);
    const { request, response, onBehalfOf } = interaction;
    const authorization = M.regex(BEARER, exampleToken(consumer, onBehalfOf));
    const result = await given
      .uponReceiving(interaction.description)
      .withRequest(request.method, request.path, (b) => {
        b.headers({ authorization, ...(request.headers as Record<string, string>) });
        if (request.query) b.query(request.query);
        if (request.body !== undefined) b.jsonBody(request.body);
      })
      .willRespondWith(response.status, (b) => {
        if (response.headers) b.headers(response.headers as Record<string, string>);
        if (response.body !== undefined) b.jsonBody(response.body);
      })
      .executeTest((mock) => outcome(interaction, mock.url));
    expect(result).toEqual(interaction.fails ?? 'success');
  });

  it(`records exactly the committed pacts/${file}`, async () => {
    const stale = await checkCommittedPact(
      join(dir, file),
      join(PACTS_DIR, file),
      process.env['UPDATE_PACTS'] === '1',
    );
    if (stale.length)
      throw new Error(
        `pacts/${file} is not what ${consumer}'s core-client calls record (run the whole file):\n  ` +
          `${stale.join('\n  ')}\nRegenerate it with UPDATE_PACTS=1 and commit it.`,
      );
  });
}
