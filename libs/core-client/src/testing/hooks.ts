// The Jest hook of the fake core-api: one call registers its lifecycle for a describe block.
// `@bff/bff-kit/testing`'s `useBff` puts a BFF in front of it.
import { FakeCoreApi } from './fake-core-api';

/**
 * A fake core-api for the describe block: started before its tests, stopped after them, and reset
 * before and after each test: a test sees only the calls it causes, and no fault, cart or order
 * is left over for the next test or a nested block's `beforeAll`.
 */
export function useFakeCoreApi(): FakeCoreApi {
  const core = new FakeCoreApi();
  beforeAll(() => core.start());
  afterAll(() => core.stop());
  resetAround(core);
  return core;
}

/** Resets `core` before and after each test of the describe block. */
export function resetAround(core: FakeCoreApi): void {
  beforeEach(() => core.reset());
  afterEach(() => core.reset());
}
