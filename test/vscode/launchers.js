// What both launchers (run-integration.js, run-ui.js) share: the browser they drive,
// coloured status words, and keeping a failed run's files where CI can print them.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// Debian's Chromium, headless, with nothing that reaches the network or needs a GPU.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const green = (s) => (colour ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s) => (colour ? `\x1b[31m${s}\x1b[0m` : s);
const dim = (s) => (colour ? `\x1b[2m${s}\x1b[0m` : s);

/** Every file below `dir` whose name matches `pattern` (none when `dir` does not exist). */
function findFiles(dir, pattern, out = []) {
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(full, pattern, out);
    else if (pattern.test(e.name)) out.push(full);
  }
  return out;
}

/**
 * Copies `files` ([from, name] pairs; missing ones are skipped) and the extension host
 * logs found under `logsDir` into `out`; returns the paths of the copies.
 */
function keepFiles(out, files, logsDir) {
  const kept = [];
  const keep = (from, name) => {
    if (!fs.existsSync(from)) return;
    fs.copyFileSync(from, path.join(out, name));
    kept.push(path.join(out, name));
  };
  for (const [from, name] of files) keep(from, name);
  for (const log of findFiles(logsDir, /^(remote)?exthost\.log$/)) keep(log, `${path.basename(path.dirname(log))}-${path.basename(log)}`);
  return kept;
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, dim, findFiles, green, keepFiles, red };
