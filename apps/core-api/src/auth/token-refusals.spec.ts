import { TokenRefusals } from './token-refusals';

function capture() {
  const lines: { level: string; text: string }[] = [];
  const log = {
    error: (text: string) => lines.push({ level: 'error', text }),
    warn: (text: string) => lines.push({ level: 'warn', text }),
    debug: (_fields: object, text: string) => lines.push({ level: 'debug', text }),
  };
  return {
    lines,
    loud: () => lines.filter((l) => l.level !== 'debug'),
    refusals: new TokenRefusals(log),
  };
}

describe('TokenRefusals', () => {
  it('logs a key mismatch once as an error naming the fix, however many requests are refused', () => {
    const { loud, lines, refusals } = capture();
    for (let i = 0; i < 50; i++)
      refusals.refused('web-bff', 'bad signature or algorithm', `req-${i}`);
    expect(loud()).toEqual([
      {
        level: 'error',
        text: expect.stringMatching(
          /^Refused service tokens from web-bff \(bad signature or algorithm\): core-api's trusted keys do not match .* restart all services together \(npm start\), or set SERVICE_TOKEN_PUBLIC_KEYS to web-bff's public key/,
        ),
      },
    ]);
    expect(lines.filter((l) => l.level === 'debug')).toHaveLength(50);
  });

  it('starts a new episode once a token from that caller is accepted, and keeps callers apart', () => {
    const { loud, refusals } = capture();
    refusals.refused('web-bff', 'unknown caller', 'a');
    refusals.refused('mobile-bff', 'unknown caller', 'b');
    refusals.accepted('mobile-bff');
    refusals.refused('web-bff', 'unknown caller', 'c');
    refusals.refused('mobile-bff', 'unknown caller', 'd');
    refusals.accepted('web-bff');
    refusals.refused('web-bff', 'unknown caller', 'e');
    expect(loud().map((l) => l.text.slice(0, 35))).toEqual([
      'Refused service tokens from web-bff',
      'Refused service tokens from mobile-',
      'Refused service tokens from mobile-',
      'Refused service tokens from web-bff',
    ]);
  });

  it('tells a request without a token how a developer gets one, and a clock problem to sync clocks', () => {
    const { loud, refusals } = capture();
    refusals.refused(undefined, 'missing', 'a');
    refusals.refused(undefined, 'missing', 'b');
    refusals.refused('web-bff', 'expired', 'c');
    expect(loud()).toEqual([
      { level: 'warn', text: expect.stringContaining('npx nx run core-api:dev-token') },
      {
        level: 'warn',
        text: expect.stringContaining('the clocks of web-bff and core-api disagree'),
      },
    ]);
  });
});
