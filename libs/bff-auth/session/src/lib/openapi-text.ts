import type { OpenAPIObject } from '@nestjs/swagger';
import { DOCUMENTED_COOKIES } from './session/session-cookie';
import type { SessionCookieNames } from './session/session-cookie';

/**
 * The lib's OpenAPI texts are written once, for every BFF: they say `{service}` where the BFF's
 * name goes, and name the cookies as `__Host-session` / `__Host-login`. `sessionOpenApi().patch`
 * puts the BFF's own name and cookie names in their place.
 */
export const SERVICE_NAME = '{service}';

/** Every string of the document with the BFF's name and cookie names in place (in place). */
export function nameTheBff(
  document: OpenAPIObject,
  service: string,
  cookies: SessionCookieNames,
): void {
  const rename = (text: string): string =>
    text
      .replaceAll(SERVICE_NAME, service)
      .replaceAll(DOCUMENTED_COOKIES.session, cookies.session)
      .replaceAll(DOCUMENTED_COOKIES.login, cookies.login);
  walk(document as unknown as Record<string, unknown>, rename);
}

function walk(node: Record<string, unknown> | unknown[], rename: (text: string) => string): void {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') (node as Record<string, unknown>)[key] = rename(value);
    else if (value && typeof value === 'object') walk(value as Record<string, unknown>, rename);
  }
}
