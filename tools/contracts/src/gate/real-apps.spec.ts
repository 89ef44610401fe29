import { ROOT } from '../testing/temp-repo';
import { runGate } from './gate';

// The committed documents of this checkout against each app's last release (or the merge base
// with main): what `nx run <app>:api-gate` decides in CI.
describe.each(['core-api', 'web-bff', 'mobile-bff'])('%s today', (app) => {
  it('passes its breaking-change gate', () => {
    const result = runGate(app, ROOT);
    expect({ ok: result.ok, report: result.lines }).toEqual({ ok: true, report: result.lines });
  });
});
