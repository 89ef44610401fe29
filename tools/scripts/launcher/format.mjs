// Turns the services' JSON log lines (pino) into one readable line each, for `npm start` and
// `npm run dev`: "name  LEVEL message key=value …". Lines that are not JSON pass through as they are.

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLOURS = { WARN: 33, ERROR: 31, FATAL: 31 };

/** Fields every line carries, or that the line's own text already says: never repeated. */
const NOISE = new Set([
  'prefix',
  'level',
  'time',
  'pid',
  'hostname',
  'service',
  'context',
  'msg',
  'requestId',
  'reqId',
  'req',
  'res',
  'traceId',
  'spanId',
  'traceFlags',
  'trace_id',
  'span_id',
  'trace_flags',
  'err',
  'stack',
]);
/** The request line's fields, said as "GET /path → 200 in 3 ms". */
const REQUEST_FIELDS = ['method', 'path', 'route', 'status', 'responseTime'];
/** The start-up line's fields, which its message already spells out. */
const LISTENING_FIELDS = ['url', 'adminUrl', 'docs', 'tracing'];
/** Nest's start-up chatter: one line per module and per route. Only dropped below WARN. */
const QUIET_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader']);

/** Nest's own console format, used before the JSON logger is in place: "[Nest] 123  - <date>  WARN [Context] text". */
const NEST_LINE =
  /\[Nest\] \d+\s+-\s+.+?\s+(LOG|WARN|ERROR|DEBUG|VERBOSE|FATAL)\s+\[[^\]]*\]\s?(.*)$/;
const NEST_LEVELS = { LOG: 30, WARN: 40, ERROR: 50, DEBUG: 20, VERBOSE: 10, FATAL: 60 };
const ANSI = /\x1b\[[0-9;]*m/g;

const colour = (on, code, text) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/** A service's name, padded (and coloured on a terminal), to start its lines with. */
export function label(name, colourCode, useColour) {
  return colour(useColour && colourCode, colourCode, name.padEnd(10));
}

function value(v) {
  if (typeof v === 'string') return /^[^\s"'=]+$/.test(v) ? v : JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  return JSON.stringify(v);
}

/** The error a line carries (pino's `err`, or Nest's `stack`), as `err=…` and its stack. */
function errorParts(entry) {
  const err = entry.err && typeof entry.err === 'object' ? entry.err : undefined;
  const stack =
    typeof err?.stack === 'string' ? err.stack : typeof entry.stack === 'string' ? entry.stack : '';
  const text = err ? [err.type, err.message].filter(Boolean).join(': ') || value(err) : undefined;
  return { text, stack };
}

/** Parses a log line, allowing a prefix before the JSON (Nx adds the project's name in `npm run dev`). */
export function parseEntry(line) {
  const plain = line.replace(ANSI, '');
  const nest = NEST_LINE.exec(plain);
  if (nest) {
    return { level: NEST_LEVELS[nest[1]], msg: nest[2], prefix: plain.slice(0, nest.index) };
  }
  const start = line.indexOf('{');
  if (start < 0) return undefined;
  try {
    const entry = JSON.parse(line.slice(start));
    return entry && typeof entry === 'object' && 'level' in entry && 'msg' in entry
      ? { ...entry, prefix: line.slice(0, start).replace(ANSI, '') }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One readable line for a log line, or undefined to drop it. `fallback` names the service when
 * the line does not (`service` is on every JSON line the services write).
 */
export function formatLine(line, { fallback = '', colourOf = () => 0, useColour = false } = {}) {
  if (!line.trim()) return undefined;
  const entry = parseEntry(line);
  if (!entry) {
    if (!fallback) return line;
    // A service's own one-line failure ("core-api: failed to start: …") already names it.
    const text = line.startsWith(`${fallback}: `) ? line.slice(fallback.length + 2) : line;
    return `${label(fallback, colourOf(fallback), useColour)} ${text}`;
  }
  const level = LEVELS[entry.level] ?? 'INFO';
  if (QUIET_CONTEXTS.has(entry.context) && entry.level < 40) return undefined;
  // The service's name: on every JSON line; else the launcher's, or the prefix Nx put before it.
  const name =
    typeof entry.service === 'string'
      ? entry.service
      : fallback || entry.prefix.trim().split(/[:\s]/)[0];
  const skip = new Set(NOISE);
  let text = typeof entry.msg === 'string' ? entry.msg : value(entry.msg);
  if (entry.method && entry.status !== undefined) {
    text += ` ${entry.method} ${entry.path ?? entry.route ?? ''} → ${entry.status} in ${entry.responseTime} ms`;
    for (const field of REQUEST_FIELDS) skip.add(field);
  }
  if (/ listening on /.test(text)) for (const field of LISTENING_FIELDS) skip.add(field);
  const fields = Object.entries(entry)
    .filter(([key, v]) => !skip.has(key) && v !== undefined)
    .map(([key, v]) => `${key}=${value(v)}`);
  const { text: errText, stack } = errorParts(entry);
  if (errText) fields.push(`err=${value(errText)}`);
  const head = [
    label(name, colourOf(name), useColour),
    colour(useColour && LEVEL_COLOURS[level], LEVEL_COLOURS[level], level.padEnd(5)),
    text,
    ...fields,
  ].join(' ');
  // A stack only where something failed; its first line repeats the message.
  const trace =
    entry.level >= 50 && stack
      ? `\n${stack
          .split('\n')
          .slice(1)
          .map((l) => `           ${l.trim()}`)
          .join('\n')}`
      : '';
  return head + trace;
}

/** Calls `onLine` with each complete line a stream writes (the last one even without a newline). */
export function eachLine(stream, onLine) {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (buffer) onLine(buffer);
    buffer = '';
  });
}
