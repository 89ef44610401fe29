import { productImageSvg } from './product-image.svg';

describe('productImageSvg', () => {
  it('draws a width × width square with the initials of the first two words', () => {
    const svg = productImageSvg({ id: 3, name: 'trail running shoe' }, 160);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="160" height="160"/);
    expect(svg).toContain('>TR</text>');
    expect(svg).toContain('aria-label="trail running shoe"');
  });

  it('is deterministic per product and picks the tile colour by id mod 7', () => {
    const a = productImageSvg({ id: 1, name: 'A' }, 80);
    expect(productImageSvg({ id: 1, name: 'A' }, 80)).toBe(a);
    expect(productImageSvg({ id: 8, name: 'A' }, 80)).toBe(a);
    expect(productImageSvg({ id: 2, name: 'A' }, 80)).not.toBe(a);
  });

  it('escapes the name and carries no script or style', () => {
    const svg = productImageSvg({ id: 1, name: `Tom & <Jerry> "Co" 'x'` }, 10);
    expect(svg).toContain('aria-label="Tom &amp; &lt;Jerry&gt; &quot;Co&quot; &apos;x&apos;"');
    expect(svg).not.toMatch(/<script|style=|on\w+=|<Jerry>/i);
  });
});
