// The `okr` command put on the PATH by the editor (OKR: Install 'okr' Command in PATH,
// as VS Code does for `code`): a small launcher script that runs the CLI shipped
// inside the extension. The extension's folder name carries its version, so the
// launcher looks for the newest installed OKR Lens when the recorded one is gone
// (after an update). Pure: the extension writes the text.

/** A line every launcher we write carries: what is ours may be replaced, anything else never. */
export const SHIM_MARKER = 'okr-lens-shim';

export interface ShimOptions {
  /** bin/okr.js of the extension that writes the launcher. */
  cliPath: string;
  /** The folder holding installed extensions (cliPath's extension folder's parent). */
  extensionsDir: string;
  /** The extension folder's name without its version: `okr-lens.okr-lens`. */
  extensionPrefix: string;
  /** A node binary to run it with; `node` from the PATH when absent. */
  nodePath?: string;
}

/** Single quotes for sh: nothing inside is special. */
function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The launcher for sh (Linux, macOS). */
export function posixShim(o: ShimOptions): string {
  return [
    '#!/bin/sh',
    `# ${SHIM_MARKER}: the okr command of the OKR Lens extension (written by "OKR: Install 'okr' Command in PATH").`,
    '# Runs the CLI inside the extension; after an update, the newest installed OKR Lens.',
    `cli=${shQuote(o.cliPath)}`,
    'if [ ! -f "$cli" ]; then',
    `  for candidate in ${shQuote(o.extensionsDir)}/${shQuote(`${o.extensionPrefix}-`)}*/bin/okr.js; do`,
    '    [ -f "$candidate" ] && cli="$candidate"',
    '  done',
    'fi',
    'if [ ! -f "$cli" ]; then',
    `  echo "okr: OKR Lens is no longer installed (looked for $cli); ` +
      `run \\"OKR: Install 'okr' Command in PATH\\" again, or npm install -g okr-lens" >&2`,
    '  exit 2',
    'fi',
    `exec ${o.nodePath ? shQuote(o.nodePath) : 'node'} "$cli" "$@"`,
    '',
  ].join('\n');
}

/** The launcher for cmd.exe (Windows). */
export function windowsShim(o: ShimOptions): string {
  return [
    '@echo off',
    `rem ${SHIM_MARKER}: the okr command of the OKR Lens extension.`,
    `"${o.nodePath ?? 'node'}" "${o.cliPath}" %*`,
    '',
  ].join('\r\n');
}

/** Is this launcher text one OKR Lens wrote (and so may replace)? */
export function isOurShim(text: string): boolean {
  return text.split(/\r?\n/, 3).some((line) => line.includes(SHIM_MARKER));
}

/** Is `dir` one of the folders of a PATH value? */
export function onPath(dir: string, pathValue: string | undefined, delimiter: string): boolean {
  const norm = (p: string) => p.replace(/[\\/]+$/, '');
  return (pathValue ?? '').split(delimiter).some((p) => p !== '' && norm(p) === norm(dir));
}
