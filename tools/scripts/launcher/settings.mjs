// The launcher's own environment variables, validated before anything starts. A bad value stops
// `npm start` with one line naming the variable the user set.

import { readServices } from '../workspace-apps.js';

/** A problem with the launcher's settings or machine: printed as one line, exit 1. */
export class LauncherError extends Error {}

/** The development OpenID provider: not started when OIDC_ISSUER names the team's own. */
export const DEV_IDENTITY = 'dev-identity';
/** ANSI colours for the services' names, in the order they start; the provider is always green. */
const PALETTE = [36, 35, 33, 34, 31, 96, 95, 93, 94, 91];
const PROVIDER_COLOUR = 32;

/**
 * The services `npm start` runs, the variable choosing each one's port, and its default: every app
 * with `metadata.service` in its project.json (tools/scripts/workspace-apps.js), core-api first,
 * the BFFs by port, the development OpenID provider last. The provider stands in for the team's
 * own the way PGlite stands in for PostgreSQL: it is not started when OIDC_ISSUER names a real one.
 */
export function launcherServices(root) {
  let services;
  try {
    services = readServices(root);
  } catch (error) {
    throw new LauncherError(error.message);
  }
  let next = 0;
  return services.map((s) => ({
    name: s.name,
    variable: s.portVariable,
    defaultPort: s.port,
    signIn: s.signIn,
    colour: s.deployed ? PALETTE[next++ % PALETTE.length] : PROVIDER_COLOUR,
  }));
}

/** `a`, `a and b`, `a, b and c`. */
const listed = (items) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

function port(env, variable, fallback) {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new LauncherError(
      `${variable} must be a whole number from 1 to 65535 (got ${JSON.stringify(raw)})`,
    );
  }
  return value;
}

function httpUrl(env, variable, fallback) {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new LauncherError(
      `${variable} must be an http:// or https:// URL (got ${JSON.stringify(raw)})`,
    );
  }
  return raw.replace(/\/+$/, '');
}

/** Yes/no switches: 1/true/yes or 0/false/no. */
function flag(env, variable) {
  const raw = (env[variable] ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no'].includes(raw)) return false;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  throw new LauncherError(`${variable} must be 1 or 0 (got ${JSON.stringify(env[variable])})`);
}

/**
 * Reads the launcher's settings: each service's port, the listening address, where the BFFs find
 * core-api, and whether to reuse an existing build. `notes` are lines to print before starting.
 */
export function readSettings(env = process.env, root = undefined) {
  const externalIssuer = env.OIDC_ISSUER ? httpUrl(env, 'OIDC_ISSUER', undefined) : undefined;
  const all = launcherServices(root);
  const services = all
    .filter((s) => !(externalIssuer && s.name === DEV_IDENTITY))
    .map((s) => ({ ...s, port: port(env, s.variable, s.defaultPort) }));
  const taken = new Map();
  for (const s of services) {
    const other = taken.get(s.port);
    if (other) {
      throw new LauncherError(
        `${other.variable} and ${s.variable} are both ${s.port}: give each service its own port`,
      );
    }
    taken.set(s.port, s);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  // Health checks and the core-api probe go to loopback when the services listen on every address.
  const reachHost = ['0.0.0.0', '::', '[::]'].includes(host)
    ? '127.0.0.1'
    : host.includes(':')
      ? `[${host}]`
      : host;
  const ownCoreApi = `http://${reachHost}:${services[0].port}`;
  const devIdentity = services.find((s) => s.name === DEV_IDENTITY);
  const notes = [];
  if (env.PORT !== undefined && env.PORT !== '') {
    notes.push(
      `PORT is not read by npm start (it runs several services): set ${listed(all.map((s) => s.variable))} instead (defaults ${all.map((s) => s.defaultPort).join(', ')}).`,
    );
  }
  if (externalIssuer) {
    notes.push(
      `OIDC_ISSUER is set: the BFFs use the identity provider at ${externalIssuer}; the development provider is not started.`,
    );
  }
  return {
    services,
    host,
    reachHost,
    /** Where the BFFs find the identity provider: the team's own, or the development one. */
    oidcIssuer: externalIssuer ?? `http://${reachHost}:${devIdentity.port}`,
    coreApiUrl: httpUrl(env, 'CORE_API_URL', ownCoreApi),
    skipBuild: flag(env, 'START_SKIP_BUILD'),
    notes,
  };
}
