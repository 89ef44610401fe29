import { exitUnlessSupportedNode, nodeVersionProblem } from './node-version';

const script = '/home/dev/shop/dist/apps/web-bff/main.js';

describe('nodeVersionProblem', () => {
  it('accepts Node 24 of any minor and patch', () => {
    expect(
      nodeVersionProblem({ version: 'v24.0.0', script, cwd: '/home/dev/shop' }),
    ).toBeUndefined();
    expect(
      nodeVersionProblem({ version: 'v24.21.0', script, cwd: '/home/dev/shop' }),
    ).toBeUndefined();
  });

  it('names the app, the running version and the command to type on Node 20', () => {
    expect(nodeVersionProblem({ version: 'v20.20.2', script, cwd: '/home/dev/shop' })).toBe(
      'web-bff needs Node 24 (this is Node v20.20.2): run it with `npx node dist/apps/web-bff/main.js` or install Node 24',
    );
  });

  it('refuses older and newer majors alike, and shows the script as typed from elsewhere', () => {
    expect(nodeVersionProblem({ version: 'v22.12.0', script, cwd: '/home/dev/shop/dist' })).toBe(
      'web-bff needs Node 24 (this is Node v22.12.0): run it with `npx node apps/web-bff/main.js` or install Node 24',
    );
    expect(nodeVersionProblem({ version: 'v25.1.0', script, cwd: '/home/dev/shop' })).toMatch(
      /^web-bff needs Node 24 \(this is Node v25\.1\.0\)/,
    );
  });
});

describe('exitUnlessSupportedNode', () => {
  it('stops with the one line on a wrong version and does nothing on the right one', () => {
    const stop = jest.fn((line: string): never => {
      throw new Error(line);
    });
    expect(() =>
      exitUnlessSupportedNode({ version: 'v20.20.2', script, cwd: '/home/dev/shop' }, stop),
    ).toThrow(/^web-bff needs Node 24/);
    expect(stop).toHaveBeenCalledTimes(1);
    exitUnlessSupportedNode({ version: 'v24.21.0', script, cwd: '/home/dev/shop' }, stop);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
