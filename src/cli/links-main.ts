// `okr links` in a bundle of its own (dist/okr-links.js, chosen by bin/okr.js): it loads
// only what the command uses, a fraction of the whole CLI, and the time to load is time
// before `git log` can start (issue 15: the whole run against git log alone).

import { linksCommand } from './commands/links';
import { runCommand, runProcess } from './run';

/** Entry point of bin/okr.js for `okr links ...`. */
export function main(): void {
  runProcess((argv, io) => runCommand(linksCommand, argv.slice(1), io));
}
