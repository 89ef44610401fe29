// JSON Schema validators over an OpenAPI 3.1 document's schemas, made strict in the one way the
// pact check needs: a member a schema does not declare is an error (`unevaluatedProperties`, which
// sees through allOf/anyOf, unlike `additionalProperties`). For answers, `required` is dropped:
// the pact may expect fewer members than core-api guarantees; for requests it stays: a body the
// pact sends must carry every member the document now requires.
import Ajv2020, { ErrorObject } from 'ajv/dist/2020';

type Json = Record<string, unknown>;
const ID = 'openapi.json';

function strict(node: unknown, keepRequired: boolean, inSchema: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => strict(n, keepRequired, inSchema));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    // Inside a schema `properties` maps names to schemas; elsewhere (parameters) `required` is a flag.
    const childInSchema = inSchema || key === 'schema' || key === 'schemas';
    if (inSchema && key === 'required' && Array.isArray(value) && !keepRequired) continue;
    out[key] = strict(value, keepRequired, childInSchema);
  }
  if (inSchema && out['properties'] && out['additionalProperties'] === undefined)
    out['unevaluatedProperties'] = false;
  return out;
}

/** A JSON pointer into the document as a URI fragment. */
export const pointer = (...segments: string[]) =>
  segments
    .map((s) => `/${encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))}`)
    .join('');

export class StrictSchemas {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

  constructor(document: Json, keepRequired: boolean) {
    // The document's own top-level members are no JSON Schema keywords; the root is a container.
    this.ajv.addVocabulary(Object.keys(document).filter((k) => !['$id', '$schema'].includes(k)));
    this.ajv.addSchema(strict(document, keepRequired, false) as Json, ID);
  }

  /** What is wrong with `value` by the schema at `fragment`: one sentence per problem. */
  problems(fragment: string, value: unknown): string[] {
    const validate = this.ajv.compile({ $ref: `${ID}#${fragment}` });
    if (validate(value)) return [];
    return (validate.errors ?? []).map(describe);
  }
}

function describe(e: ErrorObject): string {
  const at = e.instancePath || '(body)';
  const p = e.params as { unevaluatedProperty?: string; missingProperty?: string };
  if (p.unevaluatedProperty) return `${e.instancePath}/${p.unevaluatedProperty} is not declared`;
  if (p.missingProperty) return `${e.instancePath}/${p.missingProperty} is required but not sent`;
  return `${at} ${e.message ?? 'is invalid'}`;
}
