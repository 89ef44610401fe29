/** Types of summary.js (plain CommonJS, so that test.mjs and .ci/run load it without a build). */
export interface ProjectResults {
  passed: number;
  failed: number;
  skipped: number;
  suites: number;
  failedSuites: number;
  brokenFiles?: string[];
}

export interface CheckOutcome {
  name: string;
  /** What the check covered, as a count of projects… */
  projects?: number;
  /** …or in words (e.g. `all files`). */
  scope?: string;
  ok: boolean;
}

export interface Summary {
  lines: string[];
  totals: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
}

export function summarize(input: {
  projects: string[];
  results: Record<string, ProjectResults>;
  checks?: CheckOutcome[];
}): Summary;
