import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import type { FastifyInstance } from 'fastify';
import { FormBodyRequiredProblem, takesFormBody } from './form-route';

/** How complex a JSON request body may be; beyond either limit the answer is 400 `body_too_complex`. */
export interface JsonBodyLimits {
  /** Deepest nesting of objects and arrays; a flat object is depth 1. */
  maxDepth: number;
  /** Object members plus array elements, counted over the whole body. */
  maxMembers: number;
}

/** Far beyond any body the services take (a few fields), far below what hurts a parser or a validator. */
export const DEFAULT_JSON_BODY_LIMITS: JsonBodyLimits = { maxDepth: 32, maxMembers: 1000 };

export class BodyTooComplexProblem extends ProblemException {
  constructor(limits: JsonBodyLimits, exceeded: 'depth' | 'members') {
    super(
      HttpStatus.BAD_REQUEST,
      'body_too_complex',
      exceeded === 'depth'
        ? `The JSON body is nested deeper than ${limits.maxDepth} levels.`
        : `The JSON body has more than ${limits.maxMembers} members and elements.`,
      { ...limits },
    );
  }
}

export class JsonBodyRequiredProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'json_body_required',
      'Request bodies must be application/json, in UTF-8.',
    );
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const isJsonWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Which limit the JSON text exceeds, if any, found in one pass with no recursion and memory bounded
 * by `maxDepth`, so a hostile body cannot overflow the stack here or later (class-transformer and
 * class-validator recurse over what the parser returns). Syntax is not checked: the parser does that.
 */
export function exceededJsonLimit(
  text: string,
  limits: JsonBodyLimits,
): 'depth' | 'members' | undefined {
  // Per open container (index = depth): whether it is an array, whose elements are counted by commas.
  const isArray: boolean[] = [];
  let depth = 0;
  let members = 0;
  let inString = false;
  let arrayJustOpened = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (isJsonWhitespace(c)) continue;
    if (arrayJustOpened) {
      arrayJustOpened = false;
      if (c !== CLOSE_ARRAY) members++; // the first element; the others follow a comma
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limits.maxDepth) return 'depth';
      isArray[depth] = arrayJustOpened = c === OPEN_ARRAY;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth = Math.max(0, depth - 1);
    else if (c === COLON || (c === COMMA && isArray[depth])) members++;
    if (members > limits.maxMembers) return 'members';
  }
  return undefined;
}

/** `application/json` with no charset or charset=utf-8 (RFC 8259: JSON between systems is UTF-8). */
export function isUtf8(contentType: string | undefined): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1];
  return charset === undefined || charset.toLowerCase() === 'utf-8';
}

/**
 * Makes `application/json` the only request body Fastify parses. Fastify itself parses
 * text/plain too, and Nest adds application/x-www-form-urlencoded (createApp turns Nest's parsers
 * off): both are what a cross-site HTML form can send. Any other media type with a body — form,
 * multipart, text, `application/*+json` — is then refused by Fastify with 415 before validation
 * and before any guard or handler. JSON is checked for depth and size before it is parsed, and
 * parsed by Fastify's own parser: secure-json-parse, refusing `__proto__` and
 * `constructor.prototype` with 400, within `bodyLimit` (413).
 */
export function acceptOnlyJsonBodies(fastify: FastifyInstance, limits: JsonBodyLimits): void {
  fastify.removeAllContentTypeParsers();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // A route that opted into form bodies (`@FormBody()`) takes nothing else.
    if (takesFormBody(request)) return done(new FormBodyRequiredProblem(), undefined);
    if (!isUtf8(request.headers['content-type']))
      return done(new JsonBodyRequiredProblem(), undefined);
    const exceeded = exceededJsonLimit(body as string, limits);
    if (exceeded) return done(new BodyTooComplexProblem(limits, exceeded), undefined);
    return parse(request, body as string, done);
  });
}
