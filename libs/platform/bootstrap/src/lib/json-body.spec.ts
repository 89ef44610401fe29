import { exceededJsonLimit, JsonBodyLimits } from './json-body';

const limits: JsonBodyLimits = { maxDepth: 3, maxMembers: 5 };

describe('exceededJsonLimit (the check run before a JSON body is parsed)', () => {
  it.each([
    ['{}'],
    ['[]'],
    ['"a string"'],
    ['{"a":{"b":[1,2]}}'],
    ['[[[]]]'],
    ['{"a":1,"b":2,"c":3,"d":4,"e":5}'],
    ['[1,2,3,4,5]'],
    ['{"brackets in a string":"[[[[{{{{::::,,,,"}'],
    ['{"escaped quote \\" then [[[[":"\\\\"}'],
  ])('accepts %s', (text) => {
    expect(exceededJsonLimit(text, limits)).toBeUndefined();
  });

  it.each([
    ['[[[[]]]]', 'depth'],
    ['{"a":{"b":{"c":{}}}}', 'depth'],
    ['{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}', 'members'],
    ['[1,2,3,4,5,6]', 'members'],
    ['[[1,2],[3,4]]', 'members'],
    ['[{}, {}, {}, {}, {}, {}]', 'members'],
  ])('refuses %s for its %s', (text, exceeded) => {
    expect(exceededJsonLimit(text, limits)).toBe(exceeded);
  });

  it('stops at the first level too deep: a 10,000-deep body costs no recursion and no more than that', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(exceededJsonLimit(deep, { maxDepth: 32, maxMembers: 1000 })).toBe('depth');
    expect(
      exceededJsonLimit('['.repeat(100_000), { maxDepth: 100_000, maxMembers: 200_000 }),
    ).toBeUndefined();
  });

  it('is not fooled by malformed text (the parser refuses it next)', () => {
    for (const text of [']]]]]][[[', '}{', '"unterminated [[[[[[', '\\"[[[[[[']) {
      expect(() => exceededJsonLimit(text, limits)).not.toThrow();
    }
    expect(exceededJsonLimit(']]]]][[[[', limits)).toBe('depth');
  });
});
