import { isSameSitePath } from './return-to';

describe('returnTo: a path on this site, never another origin', () => {
  it.each([
    ['/'],
    ['/orders'],
    ['/products/42?tab=reviews#top'],
    ['/search?q=a%20b'],
    ['/a/b/../c'],
  ])('accepts %s', (path) => expect(isSameSitePath(path)).toBe(true));

  it.each([
    ['//evil.example', 'protocol-relative'],
    ['///evil.example', 'more slashes'],
    ['/\\evil.example', 'backslash read as a slash'],
    ['/\\/evil.example', 'backslash then slash'],
    ['\\\\evil.example', 'two backslashes'],
    ['https://evil.example', 'absolute URL'],
    ['javascript:alert(1)', 'script scheme'],
    ['evil.example', 'no leading slash'],
    ['', 'empty'],
    ['/%2F%2Fevil.example', 'encoded slashes'],
    ['/%2fevil.example', 'encoded second slash'],
    ['/%5Cevil.example', 'encoded backslash'],
    ['/%252F%252Fevil.example', 'double-encoded slashes'],
    ['/%E0%A4%A', 'malformed encoding'],
    ['/ok\r\nSet-Cookie: x=1', 'header injection'],
    ['/%0d%0aSet-Cookie:x=1', 'encoded header injection'],
    ['/\tevil', 'control character'],
    ['/ evil', 'space'],
    ['/caf\u00e9', 'non-ASCII'],
    ['/\u3002evil.example', 'ideographic full stop'],
    ['/' + 'a'.repeat(2000), 'too long'],
  ])('refuses %s (%s)', (path) => expect(isSameSitePath(path)).toBe(false));
});
