import { type Change, type ChangeKind, byImportance } from './change';
import { type Node, type OpenApiDocument, type Operation, operations, resolve } from './document';
import { type Direction, diffSchemas } from './schema-diff';

/**
 * Every difference between two versions of an API document that a client can notice, each
 * classified as breaking or not (docs/contracts.md lists the rules and why).
 */
export function classify(oldDoc: OpenApiDocument, newDoc: OpenApiDocument): Change[] {
  const before = operations(oldDoc);
  const after = operations(newDoc);
  const changes: Change[] = [];
  for (const [key, o] of before) {
    const n = after.get(key);
    if (!n) changes.push(change(o, 'operation-removed', true, 'operation removed'));
    else changes.push(...diffOperation(oldDoc, newDoc, o, n));
  }
  for (const [key, n] of after)
    if (!before.has(key)) changes.push(change(n, 'operation-added', false, 'operation added'));
  return changes.sort(byImportance);
}

const name = (op: Operation): string => `${op.operationId ?? '(no operationId)'} ${op.route}`;

const change = (op: Operation, kind: ChangeKind, breaking: boolean, message: string): Change => ({
  operation: name(op),
  kind,
  breaking,
  message,
});

/** Path parameters by position (`/products/{id}` and `/products/{productId}` are one route), others by location and name. */
function parameterKeys(op: Operation): Map<string, Node> {
  const pathNames = [...op.route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const keys = new Map<string, Node>();
  for (const p of op.parameters) {
    const where = String(p['in']);
    const key =
      where === 'path'
        ? `path#${pathNames.indexOf(p['name'])}`
        : `${where}:${where === 'header' ? String(p['name']).toLowerCase() : p['name']}`;
    keys.set(key, p);
  }
  return keys;
}

const mediaTypes = (node: Node | undefined): Node => node?.['content'] ?? {};

function diffOperation(
  oldDoc: OpenApiDocument,
  newDoc: OpenApiDocument,
  o: Operation,
  n: Operation,
): Change[] {
  const changes: Change[] = [];
  const add = (kind: ChangeKind, breaking: boolean, message: string) =>
    changes.push(change(n, kind, breaking, message));
  const schemas = (where: string, a: unknown, b: unknown, direction: Direction) => {
    for (const f of diffSchemas(oldDoc, newDoc, a, b, direction))
      add(f.kind, f.breaking, `${where}${f.field ? `: field \`${f.field}\`` : ''} ${f.detail}`);
  };

  if (o.operationId !== n.operationId)
    add(
      'operation-id-changed',
      false,
      `operationId ${o.operationId ?? 'none'} → ${n.operationId ?? 'none'} (generated clients rename the method)`,
    );
  if (!o.deprecated && n.deprecated) add('operation-deprecated', false, 'deprecated');

  // A client that satisfied an old alternative must still satisfy some new one.
  const covered = (old: string[]) =>
    n.security.some((alt) => alt.every((token) => old.includes(token)));
  const uncovered = o.security.filter((alt) => !covered(alt));
  if (uncovered.length)
    add(
      'security-added',
      true,
      `security requirement added: ${n.security.map((a) => a.join('+') || 'none').join(' or ')} (was ${o.security.map((a) => a.join('+') || 'none').join(' or ')})`,
    );
  else if (JSON.stringify(o.security) !== JSON.stringify(n.security))
    add(
      'security-removed',
      false,
      `security relaxed: ${n.security.map((a) => a.join('+') || 'none').join(' or ')}`,
    );

  const oldParams = parameterKeys(o);
  const newParams = parameterKeys(n);
  const label = (p: Node) => `${p['in']} parameter \`${p['name']}\``;
  for (const [key, p] of oldParams) {
    const q = newParams.get(key);
    if (!q) {
      // Unknown query parameters are a 400 (docs/api-conventions.md); unknown headers and cookies are ignored.
      const rejected = p['in'] === 'query';
      add(
        'parameter-removed',
        rejected,
        `${label(p)} removed${rejected ? ' (the server now rejects it)' : ''}`,
      );
      continue;
    }
    if (p['in'] === 'path' && p['name'] !== q['name'])
      add('parameter-renamed', false, `${label(p)} renamed to \`${q['name']}\``);
    if (!p['required'] && q['required'])
      add('parameter-required', true, `${label(q)} now required`);
    if (p['required'] && !q['required'])
      add('parameter-optional', false, `${label(q)} now optional`);
    schemas(label(q), p['schema'], q['schema'], 'request');
  }
  for (const [key, q] of newParams)
    if (!oldParams.has(key))
      add(
        'parameter-added',
        q['required'] === true,
        `${label(q)} added${q['required'] ? ' as required' : ''}`,
      );

  const ob = o.requestBody;
  const nb = n.requestBody;
  if (!ob && nb)
    add(
      'request-body-added',
      nb['required'] === true,
      `request body added${nb['required'] ? ' as required' : ''}`,
    );
  if (ob && !nb) add('request-body-removed', true, 'request body removed');
  if (ob && nb) {
    if (!ob['required'] && nb['required'])
      add('request-body-required', true, 'request body now required');
    if (ob['required'] && !nb['required'])
      add('request-body-optional', false, 'request body now optional');
    for (const [type, media] of Object.entries(mediaTypes(ob))) {
      const other = mediaTypes(nb)[type];
      if (!other) add('media-type-removed', true, `request body ${type} no longer accepted`);
      else schemas(`request body (${type})`, media['schema'], other['schema'], 'request');
    }
    for (const type of Object.keys(mediaTypes(nb)))
      if (!(type in mediaTypes(ob)))
        add('media-type-added', false, `request body ${type} accepted`);
  }

  for (const [status, or] of Object.entries(o.responses)) {
    const nr = n.responses[status];
    if (!nr) {
      add('status-removed', true, `response ${status} removed`);
      continue;
    }
    for (const [type, media] of Object.entries(mediaTypes(or))) {
      const other = mediaTypes(nr)[type];
      if (!other) add('media-type-removed', true, `${status} response ${type} removed`);
      else schemas(`${status} response (${type})`, media['schema'], other['schema'], 'response');
    }
    for (const type of Object.keys(mediaTypes(nr)))
      if (!(type in mediaTypes(or)))
        add('media-type-added', false, `${status} response ${type} added`);
    const headers = (r: Node): Map<string, Node> =>
      new Map(
        Object.entries(r['headers'] ?? {}).map(([h, v]) => [
          h.toLowerCase(),
          { name: h, ...(resolve(r === or ? oldDoc : newDoc, v) ?? {}) },
        ]),
      );
    const oh = headers(or);
    const nh = headers(nr);
    for (const [h, header] of oh) {
      const other = nh.get(h);
      if (!other)
        add(
          'response-header-removed',
          true,
          `${status} response header \`${header['name']}\` removed`,
        );
      else
        schemas(
          `${status} response header \`${header['name']}\``,
          header['schema'],
          other['schema'],
          'response',
        );
    }
    for (const [h, header] of nh)
      if (!oh.has(h))
        add(
          'response-header-added',
          false,
          `${status} response header \`${header['name']}\` added`,
        );
  }
  for (const status of Object.keys(n.responses))
    if (!(status in o.responses)) add('status-added', false, `response ${status} added`);
  return changes;
}
