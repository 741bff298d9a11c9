// Running one `okr` command as a process: the error handling and exit codes every
// command shares, apart from the table of commands (main.ts), so that a command with
// a bundle of its own (links-main.ts) runs exactly as it does through `okr`.

import { type CliIO, type Command, nodeIO, usageMessage } from './io';
import { printable } from '../core/escape';

/** `--help` or `-h` among a command's options (not after `--`, where it would be a path). */
function asksForHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/** A usage error as one line (exit 2); a bug of ours as one line too, with no stack trace unless OKR_DEBUG=1. */
export function reportFailure(err: unknown, commandName: string | undefined, io: CliIO): number {
  const usage = usageMessage(err, commandName);
  if (usage !== undefined) {
    io.stderr(`okr: ${printable(usage)}\n`);
    return 2;
  }
  io.stderr(`okr: internal error: ${printable((err as Error)?.message ?? String(err))}\n`);
  if (io.env.OKR_DEBUG && (err as Error)?.stack) io.stderr(`${(err as Error).stack}\n`);
  return 2;
}

/** Runs `command` with its arguments (after the command's name): its help, or its work. */
export async function runCommand(command: Command, args: string[], io: CliIO): Promise<number> {
  try {
    if (asksForHelp(args)) {
      io.stdout(command.help);
      return 0;
    }
    return await command.run(args, io);
  } catch (err) {
    return reportFailure(err, command.name, io);
  }
}

/** The process around a run: its exit code, and a reader closing the pipe early. */
export function runProcess(run: (argv: string[], io: CliIO) => Promise<number>): void {
  // `okr list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`okr: cannot write the output: ${err.message}\n`);
    process.exit(2);
  });
  run(process.argv.slice(2), nodeIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`okr: internal error: ${printable((err as Error)?.message ?? String(err))}\n`);
      process.exitCode = 2;
    },
  );
}
