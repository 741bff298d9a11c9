// `okr lint` in a bundle of its own (dist/okr-lint.js, chosen by bin/okr.js), with yaml in
// dist/okr-yaml.js as for `okr links`: it loads what linting uses and not the other commands,
// git's writers, reports or package.json (issue 15: the whole run against a bare parse).

import { lintCommand } from './commands/lint';
import { runCommand, runProcess } from './run';

/** Entry point of bin/okr.js for `okr lint ...`. */
export function main(): void {
  runProcess((argv, io) => runCommand(lintCommand, argv.slice(1), io));
}
