import { Tree } from '@nx/devkit';
import { BffOptions } from '../options';
import { editIfPresent, escapeRegExp, insertBefore, readText } from './text';

const PATH = 'docker-compose.yml';
const ISSUER = 'http://dev-identity.localhost:3003';
/** The development provider's variables that register a BFF (apps/dev-identity/src/config/env.ts). */
const PROVIDER_VARIABLE = { session: 'SESSION_CLIENTS', bearer: 'BEARER_AUDIENCES' } as const;

function serviceBlock(o: BffOptions): string {
  const oidc =
    o.auth === 'bearer'
      ? [`      OIDC_ISSUER: ${ISSUER}`]
      : o.auth === 'session'
        ? [
            `      OIDC_ISSUER: ${ISSUER}`,
            `      OIDC_REDIRECT_URI: http://localhost:${o.port}/bff/callback`,
            `      OIDC_POST_LOGOUT_REDIRECT_URI: http://localhost:${o.port}/`,
          ]
        : [];
  const provider =
    o.auth === 'session'
      ? [
          `      # Its client secret is a development secret the provider writes into the shared volume.`,
          `      dev-identity:`,
          `        condition: service_healthy`,
        ]
      : [];
  return [
    `  # ${o.name}: the backend for ${o.frontend} (owned by the ${o.team}).`,
    `  ${o.name}:`,
    `    <<: *service-defaults`,
    `    build:`,
    `      context: .`,
    `      dockerfile: apps/${o.name}/Dockerfile`,
    `    image: bff/${o.name}:local`,
    `    volumes:`,
    `      - service-keys:/keys:ro`,
    `    environment:`,
    `      NODE_ENV: development`,
    `      SERVICE_KEYS_DIR: /keys`,
    `      PORT: '${o.port}'`,
    `      # Empty: health, metrics and docs on PORT too, as in development (the image's default is 9000).`,
    `      ADMIN_PORT: ''`,
    `      HOST: 0.0.0.0`,
    `      CORE_API_URL: http://core-api:3000`,
    `      REDIS_URL: redis://redis:6379`,
    ...oidc,
    `    ports:`,
    `      - '${o.port}:${o.port}'`,
    `    depends_on:`,
    `      service-keys:`,
    `        condition: service_completed_successfully`,
    `      core-api:`,
    `        condition: service_healthy`,
    `      redis:`,
    `        condition: service_healthy`,
    ...provider,
    '',
    '',
  ].join('\n');
}

/** The one-shot key maker's list of callers: `for (const caller of ['web-bff', …])`. */
const CALLERS = /(for \(const caller of \[)([^\]]*)(\]\))/;

/** The development provider's own `environment:` block in the file. */
const PROVIDER_ENV = /(\n {2}dev-identity:\n(?: {4}.*\n|\n)*? {4}environment:\n)/;

/** A service for the BFF, a service-token key for it, and its registration at the provider. */
export function addToCompose(tree: Tree, o: BffOptions): void {
  insertBefore(tree, PATH, /^ {2}# The development OpenID provider/m, serviceBlock(o));
  let text = readText(tree, PATH);
  text = text.replace(
    CALLERS,
    (_m, open: string, list: string, close: string) => `${open}${list}, '${o.name}'${close}`,
  );
  if (o.auth !== 'none') {
    const variable = PROVIDER_VARIABLE[o.auth];
    const entry =
      o.auth === 'session'
        ? `${o.name}=http://${o.name}:${o.port}|http://localhost:${o.port}`
        : o.name;
    const existing = new RegExp(`(\\n {6}${variable}: )(\\S+)`);
    text = existing.test(text)
      ? text.replace(existing, (_m, head: string, value: string) => `${head}${value},${entry}`)
      : text.replace(PROVIDER_ENV, (block: string) => `${block}      ${variable}: ${entry}\n`);
  }
  tree.write(PATH, text);
}

export function removeFromCompose(tree: Tree, name: string): void {
  editIfPresent(tree, PATH, (text) => {
    const n = escapeRegExp(name);
    return text
      .replace(new RegExp(`  # ${n}: the backend for [^\\n]*\\n`), '')
      .replace(new RegExp(`\\n  ${n}:\\n(?:(?: {4}.*)?\\n)*?(?=\\n?  \\S)`), '\n')
      .replace(
        CALLERS,
        (_m, open: string, list: string, close: string) =>
          `${open}${list
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== `'${name}'`)
            .join(', ')}${close}`,
      )
      .replace(
        new RegExp(`(\\n {6}(?:SESSION_CLIENTS|BEARER_AUDIENCES): )([^\\n]*)`, 'g'),
        (_m, head: string, value: string) => {
          const kept = value.split(',').filter((e) => e !== name && !e.startsWith(`${name}=`));
          return kept.length ? `${head}${kept.join(',')}` : '';
        },
      );
  });
}
