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

function commit(dir, message, date) {
  git(dir, ['add', '--all']);
  const env = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
  git(dir, ['commit', '--quiet', '--allow-empty', '--message', message], env);
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
 */
function createWorkspace(name, dest) {
  const template = workspaceTemplate(name);
  if (fs.existsSync(dest)) throw new Error(`refusing to overwrite ${dest}`);
  fs.cpSync(template, dest, { recursive: true, filter: (src) => path.basename(src) !== HISTORY_FILE || path.dirname(src) !== template });

  const historyPath = path.join(template, HISTORY_FILE);
  const history = fs.existsSync(historyPath) ? JSON.parse(fs.readFileSync(historyPath, 'utf8')) : {};
  git(dest, ['init', '--quiet', '--initial-branch=main']);
  git(dest, ['config', 'user.name', 'OKR Lens Tests']);
  git(dest, ['config', 'user.email', 'tests@okr-lens.invalid']);
  commit(dest, history.initial?.message ?? `Add the ${name} workspace`, history.initial?.date);
  for (const change of history.commits ?? []) {
    applyChange(dest, change);
    commit(dest, change.message, change.date);
  }
  return dest;
}

module.exports = { createWorkspace, workspaceTemplate, WORKSPACES_DIR };

if (require.main === module) {
  // `node test/vscode/workspace.js <name> <dest>`: make a copy to poke at by hand.
  const [name, dest] = process.argv.slice(2);
  if (!name || !dest) {
    process.stderr.write('usage: node test/vscode/workspace.js <workspace-name> <destination>\n');
    process.exit(2);
  }
  console.log(createWorkspace(name, path.resolve(dest)));
}
