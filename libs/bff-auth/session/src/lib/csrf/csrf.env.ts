import { z } from 'zod';

const ORIGINS_ERROR =
  'must be a comma-separated list of origins such as https://shop.example (http or https, host, optional port; no path)';

/** `https://shop.example` exactly as a browser writes it in `Origin`; anything else is not one. */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
}

/** The anti-CSRF settings of a session BFF; part of `sessionEnvShape`. */
export const csrfEnvShape = {
  /**
   * The origins the BFF's pages are served from, comma-separated (e.g. `https://shop.example`).
   * A request whose `Origin` header names another origin is refused. Unset (the default): the
   * `Origin` must name the host the request was sent to (its `Host` header).
   */
  PUBLIC_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every(isOrigin), { error: ORIGINS_ERROR }),
};
