// Reading a service's answers in specs: its JSON body, typed by the test that reads it, and the
// problem+json every service answers failures with.

/**
 * The JSON body of an answer, as the type the test says it expects (`body<CartDto>(res)`);
 * `unknown` when it does not say, which is enough for `expect(...).toEqual(...)`.
 */
export async function body<T = unknown>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

export interface ProblemBody {
  status: number;
  title: string;
  requestId: string;
  code?: string;
  detail?: string;
  errors: Array<{ field: string; in?: string; messages: string[] }>;
  [extension: string]: unknown;
}

/**
 * Asserts a problem+json answer (RFC 9457) of `status` (and `code`) carrying the request id it
 * was answered under, with no stack trace in it, and returns its body.
 */
export async function expectProblem(
  res: Response | Promise<Response>,
  status: number,
  code?: string,
): Promise<ProblemBody> {
  const answer = await res;
  const problem = await body<ProblemBody>(answer);
  expect({ status: answer.status, problem }).toMatchObject({ status, problem: { status } });
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(problem.requestId).toBe(answer.headers.get('x-request-id'));
  expect(problem.requestId).toBeTruthy();
  if (code) expect(problem.code).toBe(code);
  // A stack frame (`at fn (file:1:2)`, `at file:1:2`) or a `stack` member, not words like "at most".
  expect(JSON.stringify(problem)).not.toMatch(/\bat \S+ \(|\bat \S+:\d+:\d+|"stack"/);
  return problem;
}
