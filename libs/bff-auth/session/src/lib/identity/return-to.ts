import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';

export class ReturnToRefusedProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.BAD_REQUEST,
      'return_to_refused',
      'returnTo must be a path on this site: one leading "/", no "//", no "\\", no scheme, visible ASCII only.',
    );
  }
}

const BASE = 'https://bff.invalid';

/**
 * Whether `value` is a path on this site that the browser cannot read as another origin: it
 * starts with exactly one `/`, has no backslash (browsers read `/\evil` as `//evil`), no control
 * or non-ASCII character (a header injection, or a host in disguise), no `//` at the start even
 * once percent-decoded (`/%2F%2Fevil` behind a decoding proxy), and resolves to this origin.
 */
export function isSameSitePath(value: string): boolean {
  if (!/^\/[\x21-\x7e]*$/.test(value) || value.length > 2000) return false;
  if (value.startsWith('//') || value.includes('\\')) return false;
  let decoded = value;
  try {
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++)
      decoded = decodeURIComponent(decoded);
  } catch {
    return false;
  }
  if (/^\/[/\\]/.test(decoded) || decoded.includes('\\') || hasControlCharacter(decoded))
    return false;
  return URL.canParse(value, BASE) && new URL(value, BASE).origin === BASE;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The path to return to after sign-in (default `/`); 400 for anything else. */
export function returnToPath(value: string | undefined): string {
  if (value === undefined) return '/';
  if (!isSameSitePath(value)) throw new ReturnToRefusedProblem();
  return value;
}
