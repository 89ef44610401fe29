import { ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { FieldError, ValidationProblem } from './problem';

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

/**
 * The global pipe every service installs: unknown properties are errors (not silently dropped),
 * values are converted to the declared types, and failures become a 400 problem+json.
 */
export function createValidationPipe(overrides: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipe({
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
