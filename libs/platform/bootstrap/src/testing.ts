// Test-only entry point (`@bff/platform-bootstrap/testing`): reading any service's answers in
// specs (the JSON body, problem+json). Never import it from production code.
export { body, expectProblem, type ProblemBody } from './testing/http-answers';
