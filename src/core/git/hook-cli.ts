// How an installed hook finds the `okr` CLI each time it runs, so that moving a
// checkout or updating the extension (whose folder name carries its version)
// never silently stops the trailers. The search is a small node program baked
// into the hook (LOCATOR_JS); `okr hook status` runs the very same program to say
// which CLI the hooks will run. In order:
//
//   1. OKR_CLI_PATH in the hook's environment (an explicit choice);
//   2. `okr` on the PATH, when it is OKR Lens's (an `okr-lens` package);
//   3. the newest installed OKR Lens extension, in the extension folders of VS Code,
//      VS Code Server, Insiders, VSCodium, Cursor and code-server (VSCODE_EXTENSIONS too);
//   4. the CLI the hooks were installed from, while it is still there.
//
// When none is found the hook lets the commit through; commit-msg says so in one line.

import { spawn } from 'node:child_process';

/** The npm package name of OKR Lens (package.json `name`); extension folders are `<publisher>.<name>-<version>`. */
export const OKR_PACKAGE_NAME = 'okr-lens';

export type HookCliSource = 'env' | 'path' | 'extension' | 'installed';

export interface HookCli {
  /** The script node runs as `okr` (bin/okr.js). */
  cli: string;
  source: HookCliSource;
}

/**
 * The finder, as a program for `node -e LOCATOR_JS <installed-from> --which` (prints
 * `{"cli","source"}` as JSON, or nothing) or `... --run <okr arguments>` (runs that
 * CLI in this process). It is baked into the hook inside sh single quotes, so it
 * holds no single quote; plain ES2019 for any node the user has.
 */
export const LOCATOR_JS = String.raw`"use strict";
const fs = require("fs"), path = require("path"), os = require("os");
const argv = process.argv.slice(1), installedFrom = argv[0], mode = argv[1], rest = argv.slice(2);
const env = process.env;
const isFile = (f) => { try { return fs.statSync(f).isFile(); } catch (e) { return false; } };
const readJson = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch (e) { return undefined; } };
function ourCli(file) {
  let real;
  try { real = fs.realpathSync(file); } catch (e) { return undefined; }
  const root = path.dirname(path.dirname(real));
  const pkg = readJson(path.join(root, "package.json"));
  if (!pkg || pkg.name !== "${OKR_PACKAGE_NAME}" || !isFile(path.join(root, "dist", "cli.js"))) return undefined;
  return real;
}
function onPath() {
  for (const dir of (env.PATH || "").split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const found = isFile(path.join(dir, "okr")) ? ourCli(path.join(dir, "okr")) : undefined;
    if (found) return found;
  }
  return undefined;
}
function extensionFolders() {
  const home = env.HOME || os.homedir();
  const data = env.XDG_DATA_HOME || path.join(home, ".local", "share");
  const folders = env.VSCODE_EXTENSIONS ? [env.VSCODE_EXTENSIONS] : [];
  for (const d of [".vscode", ".vscode-insiders", ".vscode-server", ".vscode-server-insiders", ".vscode-oss", ".vscodium-server", ".cursor", ".cursor-server", ".windsurf"]) folders.push(path.join(home, d, "extensions"));
  folders.push(path.join(data, "code-server", "extensions"));
  return folders;
}
function newer(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}
function newestExtension() {
  let best;
  for (const folder of extensionFolders()) {
    let names;
    try { names = fs.readdirSync(folder); } catch (e) { continue; }
    const obsolete = readJson(path.join(folder, ".obsolete")) || {};
    for (const name of names) {
      const m = /^okr-lens\.okr-lens-(\d+)\.(\d+)\.(\d+)/i.exec(name);
      if (!m || obsolete[name] === true) continue;
      const cli = ourCli(path.join(folder, name, "bin", "okr.js"));
      if (!cli) continue;
      const version = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!best || newer(version, best.version)) best = { version, cli };
    }
  }
  return best && best.cli;
}
function find() {
  if (env.OKR_CLI_PATH && isFile(env.OKR_CLI_PATH)) return { cli: path.resolve(env.OKR_CLI_PATH), source: "env" };
  const p = onPath();
  if (p) return { cli: p, source: "path" };
  const x = newestExtension();
  if (x) return { cli: x, source: "extension" };
  if (installedFrom && isFile(installedFrom)) return { cli: installedFrom, source: "installed" };
  return undefined;
}
const found = find();
if (mode === "--which") {
  if (found) process.stdout.write(JSON.stringify(found) + "\n");
} else if (found) {
  process.argv = [process.argv[0], found.cli].concat(rest);
  require(found.cli);
} else if (rest[2] === "commit-msg") {
  process.stderr.write("OKR Lens: key results not checked and no trailer added: no okr found (not on the PATH, no OKR Lens extension installed, " + (installedFrom || "the okr that installed the hooks") + " is gone). See okr hook status.\n");
}
`;

/**
 * The CLI the hooks will run, found by the hooks' own program, run with `node`
 * (the running one by default) in environment `env`; undefined when none is found.
 */
export function locateHookCli(installedFrom: string, env: NodeJS.ProcessEnv, node = process.execPath): Promise<HookCli | undefined> {
  return new Promise((resolve) => {
    const child = spawn(node, ['-e', LOCATOR_JS, installedFrom, '--which'], {
      env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
    });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (out.length < 64 * 1024) out += chunk.toString('utf8');
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.on('close', () => {
      clearTimeout(timer);
      try {
        const parsed = JSON.parse(out) as HookCli;
        resolve(typeof parsed.cli === 'string' ? parsed : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}
