// The `okr` command: a thin dispatcher over the commands in commands/.

import { type CliIO, UsageError, nodeIO } from './io';
import { commands } from './commands';

const VERSION = '0.1.0';

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'okr - lint OKR files and link git work to key results',
    '',
    'Usage: okr <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: okr <command> --help)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 success, 1 problems found, 2 bad usage or unreadable input.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      if (first === 'help' && rest[0]) {
        const c = commands.find((x) => x.name === rest[0]);
        if (!c) throw new UsageError(`unknown command "${rest[0]}"`);
        io.stdout(c.help);
        return 0;
      }
      io.stdout(mainHelp());
      return first === undefined ? 2 : 0;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const command = commands.find((c) => c.name === first);
    if (!command) {
      if (first.startsWith('-')) throw new UsageError(`unknown option "${first}" (see okr --help)`);
      throw new UsageError(`unknown command "${first}" (see okr --help)`);
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`okr: ${(err as Error).message}\n`);
      return 2;
    }
    io.stderr(`okr: internal error: ${(err as Error).message}\n`);
    return 2;
  }
}

/** Entry point of bin/okr.js. */
export function main(): void {
  runCli(process.argv.slice(2), nodeIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`okr: internal error: ${(err as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
