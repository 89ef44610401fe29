import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, titleFor } from './problem';
import { ProblemDetailsDto } from './problem-details.dto';

/** Documents the problem+json error answers of an operation, e.g. `@ApiProblems(400, 404)`. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: titleFor(status),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}

/** What {@link ApiProblem} declares besides the status. */
export interface ApiProblemOptions {
  /** A subclass of {@link ProblemDetailsDto} naming members of its own (default: the base). */
  schema?: Type<ProblemDetailsDto>;
  description?: string;
  /** Response headers that answer carries (e.g. `Set-Cookie` clearing a dead session). */
  headers?: Record<string, { description: string; required?: boolean; schema: object }>;
}

/**
 * Documents one problem answer with more to say than `@ApiProblems` does: a body with members of
 * its own (`shortages`, `holds`…), or headers. Use it for that status instead of listing the
 * status in `@ApiProblems` (two declarations of one status are merged, descriptions joined).
 */
export function ApiProblem(
  status: number,
  { schema = ProblemDetailsDto, description = titleFor(status), headers }: ApiProblemOptions,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(schema),
    ApiResponse({
      status,
      description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(schema) } } },
      ...(headers && { headers }),
    }),
  );
}
