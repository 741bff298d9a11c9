// The `okr` command: a thin dispatcher over the commands in commands/.

import { type CliIO } from './io';
import { PACKAGE } from './package-info';
import { reportFailure, runCommand, runProcess } from './run';
import { commands } from './commands';
import { printable } from '../core/escape';
import { maxOf } from '../core/arrays';

function mainHelp(): string {
  const width = maxOf(commands.map((c) => c.name.length));
  return [
    'okr - lint OKR files and link git work to key results',
    '',
    'Usage: okr <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: okr <command> --help, okr help <command>)',
    '  -v, --version  print the version',
    '',
    'Examples:',
    '  okr lint                     lint every OKR file under this folder',
    '  okr list --today 2026-11-28  objectives and key results with progress and health',
    '  okr lint --help              the lint options and rules',
    '',
    'Exit codes: 0 success, 1 problems found, 2 bad usage or unreadable input.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      // A bare `okr` is a usage mistake, but the help is what the user needs to see.
      io.stderr(mainHelp());
      return 2;
    }
    if (first === '-h' || first === '--help' || first === 'help') {
      if (first === 'help' && rest[0]) {
        const c = commands.find((x) => x.name === rest[0]);
        if (!c) {
          io.stderr(`okr: unknown command "${printable(rest[0])}" (see okr --help)\n`);
          return 2;
        }
        io.stdout(c.help);
        return 0;
      }
      io.stdout(mainHelp());
      return 0;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(`${PACKAGE.version}\n`);
      return 0;
    }
    const command = commands.find((c) => c.name === first);
    if (!command) {
      const what = first.startsWith('-') ? 'option' : 'command';
      io.stderr(`okr: unknown ${what} "${printable(first)}" (see okr --help)\n`);
      return 2;
    }
    return await runCommand(command, rest, io);
  } catch (err) {
    return reportFailure(err, undefined, io);
  }
}

/** Entry point of bin/okr.js. */
export function main(): void {
  runProcess(runCli);
}
