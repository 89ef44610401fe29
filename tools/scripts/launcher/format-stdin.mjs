#!/usr/bin/env node
// Formats JSON log lines read from stdin as `npm start` shows them, e.g.
//   node dist/apps/core-api/main.js | node tools/scripts/launcher/format-stdin.mjs
import { eachLine, formatLine } from './format.mjs';

// Ctrl+C reaches the whole pipeline: keep reading until the writer has said its last line and closed.
process.on('SIGINT', () => undefined);
process.stdout.on('error', () => process.exit(0));
const useColour = process.stdout.isTTY === true;
eachLine(process.stdin, (line) => {
  const shown = formatLine(line, { useColour });
  if (shown !== undefined) process.stdout.write(`${shown}\n`);
});
