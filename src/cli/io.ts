// The CLI's view of the outside world, passed in so tests run commands in-process.

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal: colour and TTY-only niceties. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** A usage problem: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

export interface Command {
  name: string;
  /** One line for `okr --help`. */
  summary: string;
  /** The full text for `okr <command> --help`. */
  help: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export function nodeIO(): CliIO {
  return {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
  };
}
