/** What a BFF answered for one product picture URL, as an image view or `<img>` loads it. */
export interface PictureAnswer {
  url: string;
  status: number;
  type: string | null;
  cacheControl: string | null;
  etag: string | null;
  /** The square SVG's width attribute, or null when the body is no such SVG. */
  svgWidth: number | null;
}

/** The width a picture URL names (`/media/products/7/640.svg` → 640). */
export const widthOf = (url: string): number => Number(/\/(\d+)\.svg$/.exec(url)?.[1]);

/** GETs `url` from `base` without credentials or app headers, as an image loader does. */
export async function loadPicture(
  base: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<PictureAnswer> {
  const res = await fetch(`${base}${url}`, { headers: { accept: 'image/*', ...headers } });
  const svg = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="\1"/.exec(
    await res.text(),
  );
  return {
    url,
    status: res.status,
    type: res.headers.get('content-type'),
    cacheControl: res.headers.get('cache-control'),
    etag: res.headers.get('etag'),
    svgWidth: svg ? Number(svg[1]) : null,
  };
}
