// Example workspaces for the suites and the demo: a copy of test/workspaces/<name> in a
// scratch folder (tests may edit files), made a git repository whose history is described
// by the template's optional `.git-history.json` (see test/vscode/README.md).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const WORKSPACES_DIR = path.join(REPO_ROOT, 'test', 'workspaces');
const HISTORY_FILE = '.git-history.json';

function workspaceTemplate(name) {
  const dir = path.join(WORKSPACES_DIR, name);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`no example workspace "${name}": expected a folder ${path.relative(REPO_ROOT, dir)}`);
  }
  return dir;
}

// git with an argument array (never a shell), isolated from the machine's git config so
// a developer's hooks, signing or templates cannot change the fixture.
function git(cwd, args, env = {}) {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-c', 'init.templateDir=', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', ...env },
  });
}

// Who made the generated commits: given to those git calls only, in their environment,
// so the repository's config (and the user's own commits in it) is not touched.
const HISTORY_AUTHOR = { name: 'OKR Lens Tests', email: 'tests@okr-lens.invalid' };

function commit(dir, message, date, author = HISTORY_AUTHOR) {
  git(dir, ['add', '--all']);
  const env = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  git(dir, ['commit', '--quiet', '--allow-empty', '--message', message], env);
}

const DAY_MS = 86_400_000;

function addDays(isoDate, days) {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function quarterRange(year, quarter) {
  const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(next, -1) };
}

/**
 * An OKR file's dates moved by `days`: every YYYY-MM-DD, and a quarter period
 * (`period: 2026-Q4`) written out as the moved dates it stands for, since a quarter
 * moved by an arbitrary number of days is no longer a quarter.
 */
function shiftOkrText(text, days) {
  // Dates first: the quarter's own dates below are written already moved.
  return text
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => (Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? d : addDays(d, days)))
    .replace(/^(\s*period:\s*)(\d{4})-Q([1-4])\b/gm, (_, lead, year, q) => {
      const r = quarterRange(Number(year), Number(q));
      return `${lead}{ start: ${addDays(r.start, days)}, end: ${addDays(r.end, days)} }`;
    });
}

function shiftTime(isoTime, days) {
  return isoTime ? new Date(Date.parse(isoTime) + days * DAY_MS).toISOString().replace('.000Z', 'Z') : isoTime;
}

function okrFilesUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') out.push(...okrFilesUnder(full));
    else if (entry.isFile() && /(^|\.)okr\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

function insideDir(dir, relative) {
  const file = path.resolve(dir, relative);
  if (!file.startsWith(dir + path.sep)) throw new Error(`${HISTORY_FILE}: path escapes the workspace: ${relative}`);
  return file;
}

function applyChange(dir, change) {
  for (const [file, content] of Object.entries(change.write ?? {})) {
    const target = insideDir(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  for (const [file, content] of Object.entries(change.append ?? {})) {
    fs.appendFileSync(insideDir(dir, file), content);
  }
  for (const [file, [from, to]] of Object.entries(change.replace ?? {})) {
    const target = insideDir(dir, file);
    const text = fs.readFileSync(target, 'utf8');
    if (!text.includes(from)) throw new Error(`${HISTORY_FILE}: "${from}" not found in ${file}`);
    fs.writeFileSync(target, text.replace(from, to));
  }
}

/**
 * Copies test/workspaces/<name> to `dest` (which must not exist) and makes it a git
 * repository with the template's history. Returns `dest`.
 *
 * Options:
 * - `today` (YYYY-MM-DD): a template whose history says `asOf` (the day it was written
 *   for) has every date of its OKR files and commits moved by the days from `asOf` to
 *   `today`, so it reads the same on any day (the demo); nothing is pinned.
 * - `identity` (default true): also set user.name and user.email in the repository's
 *   config, for suites that commit in it. The demo leaves the user's own identity alone.
 */
function createWorkspace(name, dest, options = {}) {
  const template = workspaceTemplate(name);
  if (fs.existsSync(dest)) throw new Error(`refusing to overwrite ${dest}`);
  fs.cpSync(template, dest, { recursive: true, filter: (src) => path.basename(src) !== HISTORY_FILE || path.dirname(src) !== template });

  const historyPath = path.join(template, HISTORY_FILE);
  const history = fs.existsSync(historyPath) ? JSON.parse(fs.readFileSync(historyPath, 'utf8')) : {};
  let shift = 0;
  if (options.today && history.asOf) {
    shift = Math.round((Date.parse(`${options.today}T00:00:00Z`) - Date.parse(`${history.asOf}T00:00:00Z`)) / DAY_MS);
    for (const file of okrFilesUnder(dest)) fs.writeFileSync(file, shiftOkrText(fs.readFileSync(file, 'utf8'), shift));
  }
  const at = (date) => (shift === 0 ? date : shiftTime(date, shift));
  git(dest, ['init', '--quiet', '--initial-branch=main']);
  if (options.identity !== false) {
    git(dest, ['config', 'user.name', HISTORY_AUTHOR.name]);
    git(dest, ['config', 'user.email', HISTORY_AUTHOR.email]);
  }
  const author = history.author ?? HISTORY_AUTHOR;
  commit(dest, history.initial?.message ?? `Add the ${name} workspace`, at(history.initial?.date), history.initial?.author ?? author);
  for (const change of history.commits ?? []) {
    applyChange(dest, change);
    commit(dest, change.message, at(change.date), change.author ?? author);
  }
  return dest;
}

module.exports = { createWorkspace, shiftOkrText, workspaceTemplate, WORKSPACES_DIR };

if (require.main === module) {
  // `node test/vscode/workspace.js <name> <dest>`: make a copy to poke at by hand.
  const [name, dest] = process.argv.slice(2);
  if (!name || !dest) {
    process.stderr.write('usage: node test/vscode/workspace.js <workspace-name> <destination>\n');
    process.exit(2);
  }
  console.log(createWorkspace(name, path.resolve(dest)));
}
