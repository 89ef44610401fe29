/**
 * The query DTO of an endpoint that takes no query parameters. Declaring it makes the strict
 * global ValidationPipe reject unknown parameters (`?debug=1` → 400) instead of ignoring them.
 */
export class EmptyQueryDto {}
