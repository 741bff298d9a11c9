// The CLI's view of the outside world, passed in so tests run commands in-process,
// and the small helpers every command shares: argument parsing with one-line
// usage errors, colour, and "today".

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValidDate, localDate } from '../core/dates';
import { printable } from '../core/escape';
import { pushAll } from '../core/arrays';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal. Colour also depends on NO_COLOR / FORCE_COLOR: see `useColor`. */
  isTTY: boolean;
  /** True when stderr is a terminal: progress lines of long work go there, and nowhere else. */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  /** The clock, for the default `--today`; tests pass a fixed one. Core code never reads the clock. */
  now?: () => Date;
}

/** A usage problem: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

/**
 * The value of an option that takes one of a few words (`--format`, `--tree`), or its default;
 * anything else is a usage error worded the same way in every command.
 */
export function choiceOption<T extends string>(flag: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${choices.join(', ')}, not "${printable(value)}"`);
}

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
    // Typed boolean, but undefined when the stream is a pipe or a file.
    /* eslint-disable @typescript-eslint/no-unnecessary-type-conversion */
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    /* eslint-enable @typescript-eslint/no-unnecessary-type-conversion */
    env: process.env,
  };
}

/**
 * Colour when stdout is a terminal, unless NO_COLOR is set (no-color.org);
 * FORCE_COLOR (other than 0/false) turns it on anywhere, e.g. in CI logs.
 */
export function useColor(io: CliIO): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTTY;
}

/** Today's local date as YYYY-MM-DD: the user's calendar day, not UTC's. */
export function localToday(io: CliIO): string {
  return localDate(io.now ? io.now() : new Date());
}

/**
 * node:util's parseArgs errors are long and mention internals ("To specify a positional
 * argument starting with a '-' ..."); this turns them into one short line.
 */
export function usageMessage(err: unknown, commandName?: string): string | undefined {
  const e = err as { code?: string; message?: string };
  if (err instanceof UsageError) return e.message;
  if (typeof e?.code !== 'string' || !e.code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const message = e.message ?? '';
  const see = commandName ? `okr ${commandName} --help` : 'okr --help';
  const quoted = (/'([^']*)'/.exec(message)?.[1] ?? '').replace(NEGATIVE, '');
  const option =
    quoted
      .split(/[\s,]+/)
      .filter((p) => p.startsWith('-'))
      .pop() ?? quoted;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${option}" (see ${see})`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}" (see ${see})`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('does not take an argument')) return `option ${option} takes no value (see ${see})`;
      return `option ${option} needs a value (see ${see})`;
    default:
      return `${message.split(/\.\s|\n/)[0]} (see ${see})`;
  }
}

/**
 * `--limit -5` is a value, not an option: parseArgs would say "needs a value", so
 * a negative number after an option that takes a value is attached to it
 * (`--limit=-5`) and the command's own check names what is wrong with it. A negative
 * number anywhere else is an argument (`okr check-in NPS-KR1 -12`: no option is a
 * digit): it is passed as NEGATIVE + the number, which parseArgs takes for a
 * positional, and parseCommandArgs gives it back as written.
 */
const NEGATIVE_NUMBER = /^-\.?\d/;
/** Marks a negative number as a positional (no argument from a command line holds a NUL). */
const NEGATIVE = '\u0000';

function attachNegativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const takesValue = new Set<string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (o.short) takesValue.add(`-${o.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      pushAll(out, args.slice(i));
      break;
    }
    const next = args[i + 1];
    if (takesValue.has(a) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(a.startsWith('--') ? `${a}=${next}` : `${a}${next}`);
      i++;
    } else if (NEGATIVE_NUMBER.test(a)) {
      out.push(NEGATIVE + a);
    } else {
      out.push(a);
    }
  }
  return out;
}

/** `parseArgs` in strict mode, with its errors turned into one-line `UsageError`s. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  commandName: string,
  args: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    const parsed = parseArgs({ args: attachNegativeValues(args, options), options, strict: true, allowPositionals });
    return { ...parsed, positionals: parsed.positionals.map((p) => (p.startsWith(NEGATIVE) ? p.slice(NEGATIVE.length) : p)) };
  } catch (err) {
    const message = usageMessage(err, commandName);
    if (message !== undefined) throw new UsageError(message);
    throw err;
  }
}

/** A `--today` value, checked; the local date when not given. */
export function parseTodayOption(value: string | undefined, io: CliIO): string {
  if (value === undefined) return localToday(io);
  if (!isValidDate(value)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${value}"`);
  return value;
}
