/** One difference between two versions of an API, as the gate and the changelog report it. */
export interface Change {
  /** `operationId METHOD /path`, as a team finds it in its document. */
  readonly operation: string;
  readonly kind: ChangeKind;
  /** Whether a client built against the old document can fail against the new one. */
  readonly breaking: boolean;
  /** What changed and where (`query parameter \`sort\` removed`, `200 response: field \`price\` removed`). */
  readonly message: string;
}

export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'operation-deprecated'
  | 'operation-id-changed'
  | 'security-added'
  | 'security-removed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-renamed'
  | 'parameter-required'
  | 'parameter-optional'
  | 'request-body-added'
  | 'request-body-removed'
  | 'request-body-required'
  | 'request-body-optional'
  | 'media-type-added'
  | 'media-type-removed'
  | 'status-added'
  | 'status-removed'
  | 'response-header-added'
  | 'response-header-removed'
  | 'field-added'
  | 'field-removed'
  | 'field-required'
  | 'field-optional'
  | 'type-changed'
  | 'format-changed'
  | 'constraint-changed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'nullable-changed'
  | 'variant-added'
  | 'variant-removed';

/** Breaking changes first, then by operation, so a report reads from what blocks a release. */
export const byImportance = (a: Change, b: Change): number =>
  Number(b.breaking) - Number(a.breaking) || a.operation.localeCompare(b.operation);

/** One line of a report: `BREAKING   Products_list GET /products: query parameter \`sort\` removed`. */
export const formatChange = (change: Change): string =>
  `${change.breaking ? 'BREAKING  ' : 'compatible'} ${change.operation}: ${change.message}`;
