import { ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { FieldError, ValidationProblem } from './problem';
import { cacheValidationMetadata } from './validation-metadata';

/** Flattens class-validator's nested errors into `field` paths with their messages. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = [parent, error.property].filter(Boolean).join('.') || '(body)';
    if (error.constraints) {
      out.push({ field, messages: Object.values(error.constraints) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/** Keys that reach an object's prototype when copied; no DTO declares them. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Where `value` (a parsed query, body or path) has a prototype key of its own, at any depth:
 * walked with its own stack, so depth cannot overflow the call stack.
 */
export function prototypeKeyPaths(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  // Most values a route validates are flat (path parameters, a query): their keys are all there
  // is to look at, with no walk to set up (two per request on every route).
  const flat = flatKeyPaths(value);
  if (flat) return flat;
  // Each entry links to its parent: a path is spelled out only for a key that is found.
  interface Entry {
    value: unknown;
    key: string;
    parent?: Entry;
  }
  const pathOf = (entry: Entry | undefined, key: string): string => {
    const keys = [key];
    for (let at = entry; at?.parent; at = at.parent) keys.push(at.key);
    return keys.reverse().join('.');
  };
  const found: string[] = [];
  const seen = new WeakSet<object>();
  const stack: Entry[] = [{ value, key: '' }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const current = entry.value;
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    for (const key of Object.keys(current)) {
      if (PROTOTYPE_KEYS.includes(key)) found.push(pathOf(entry, key));
      else stack.push({ value: (current as Record<string, unknown>)[key], key, parent: entry });
    }
  }
  return found;
}

/** The prototype keys of an object none of whose values is an object, or undefined if one is. */
function flatKeyPaths(value: object): string[] | undefined {
  let found: string[] | undefined;
  for (const key of Object.keys(value)) {
    const inner: unknown = (value as Record<string, unknown>)[key];
    if (inner !== null && typeof inner === 'object') return undefined;
    if (PROTOTYPE_KEYS.includes(key)) (found ??= []).push(key);
  }
  return found ?? [];
}

/**
 * Nest's pipe deletes `__proto__`, `constructor` and `prototype` keys before validating, so
 * `?constructor=1` passed where any other unknown parameter is a 400. Here they are unknown
 * properties like any other: refused with the whitelist's message.
 */
class ProblemValidationPipe extends ValidationPipe {
  protected override stripProtoKeys(value: unknown): void {
    const paths = prototypeKeyPaths(value);
    if (paths.length > 0) {
      throw new ValidationProblem(
        paths.map((field) => ({
          field,
          messages: [`property ${field.split('.').pop()} should not exist`],
        })),
      );
    }
    super.stripProtoKeys(value);
  }
}

/**
 * The global pipe every service installs: unknown properties are errors (not silently dropped),
 * values are converted to the declared types, and failures become a 400 problem+json. The
 * metadata class-validator looks up for each validation is remembered (`cacheValidationMetadata`).
 */
export function createValidationPipe(overrides: ValidationPipeOptions = {}): ValidationPipe {
  cacheValidationMetadata();
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
    ...overrides,
  });
}
