import { type GateResult, runGate } from '../gate/gate';
import { type Json, TempRepo, committedDocument } from './temp-repo';

export const op = (doc: Json, path: string, method = 'get'): Json => doc['paths'][path][method];
export const schema = (doc: Json, name: string): Json => doc['components']['schemas'][name];

/** The planted break most release tests use: web-bff's availability loses its label. */
export const removeLabel = (d: Json) => delete schema(d, 'AvailabilityDto')['properties'].label;

/**
 * Temporary repositories for a spec, removed after each test: `fresh()` is an empty one;
 * `released(plant, message, app, alsoWrite)` is an app (web-bff unless named) released as
 * `<app>@0.1.0` with its committed document, then `plant` (and any other files) committed as
 * `message` touching apps/<app>, and the gate's verdict on it (with the repository's folder as `dir`).
 */
export function useRepos() {
  const made: TempRepo[] = [];
  afterEach(() => {
    for (const repo of made.splice(0)) repo.remove();
  });
  const fresh = (): TempRepo => {
    const repo = new TempRepo();
    made.push(repo);
    return repo;
  };
  const released = (
    plant: (doc: Json) => void,
    message = 'feat(web-bff): a change',
    app = 'web-bff',
    alsoWrite: Record<string, Json> = {},
  ): GateResult & { dir: string } => {
    const repo = fresh();
    const doc = committedDocument(app);
    repo.app(app, doc).commit(`feat(${app}): first release`).tag(`${app}@0.1.0`);
    plant(doc);
    repo.write(`openapi/${app}.json`, doc);
    for (const [path, content] of Object.entries(alsoWrite)) repo.write(path, content);
    repo.commit(message, `apps/${app}`);
    return { ...runGate(app, repo.dir), dir: repo.dir };
  };
  return { fresh, released };
}
