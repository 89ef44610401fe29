import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { APP_VERSION_PATTERN } from '../config/env';

export const APP_VERSION_HEADER = 'x-app-version';

/** `1.4` → [1, 4, 0]; undefined for anything that is not a version. */
export function parseAppVersion(value: string): [number, number, number] | undefined {
  if (!APP_VERSION_PATTERN.test(value)) return undefined;
  const [major = 0, minor = 0, patch = 0] = value.split('.').map(Number);
  return [major, minor, patch];
}

export function compareVersions(a: [number, number, number], b: [number, number, number]): number {
  for (let i = 0; i < 3; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** 426: the app is older than MIN_APP_VERSION. Its type and title tell the app what to do. */
export class AppUpdateRequiredProblem extends ProblemException {
  constructor(sent: string, minimum: string) {
    super(
      426, // Upgrade Required (HttpStatus has no name for it)
      'app_update_required',
      `This version of the app (${sent}) is no longer supported. Update the app to ${minimum} or later.`,
      {
        type: 'https://bff-platform.dev/problems/app-update-required',
        title: 'Update the app',
        minimumVersion: minimum,
      },
    );
  }
}

/** 400: `X-App-Version` is there but is not a version. */
export class MalformedAppVersionProblem extends ProblemException {
  constructor() {
    super(
      HttpStatus.BAD_REQUEST,
      'validation_failed',
      'X-App-Version must be a version like 1.4.2.',
      {
        errors: [
          { field: APP_VERSION_HEADER, in: 'header', messages: ['must be a version like 1.4.2'] },
        ],
      },
    );
  }
}

/**
 * The rule for `X-App-Version` on versioned routes: absent is allowed (browsers, tools and the
 * first app releases never sent it), malformed is 400, below the minimum is 426.
 */
export function checkAppVersion(
  header: string | string[] | undefined,
  minimum: string,
): ProblemException | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? (header[0] ?? '') : header;
  const sent = parseAppVersion(value.trim());
  if (!sent) return new MalformedAppVersionProblem();
  const min = parseAppVersion(minimum);
  if (min && compareVersions(sent, min) < 0)
    return new AppUpdateRequiredProblem(value.trim(), minimum);
  return undefined;
}
