// The history scans of a command whose window (the first day read) is only known
// once the OKR files are parsed: they can start earlier, from a window known sooner
// (`--since`) or guessed (a pre-read of the files' periods, period-preread.ts), and
// run beside the parse. When the real window turns out to differ from the one they
// started from, they are stopped and run again from fresh indexes, so the result
// never depends on the guess: only the time does.

import { CommitIndex, scanWindowStart, type UpdateResult } from './history';
import { prereadPeriodStart, UNKNOWN_PERIOD } from '../period-preread';

/**
 * The window the pre-read of these files' texts gives, as `scanWindowStart` would for
 * their parsed periods; undefined when some file's period cannot be pre-read, or no
 * file has one (the whole history: not worth starting on a guess).
 */
export function prereadScanWindow(texts: Iterable<string>): string | undefined {
  const starts: string[] = [];
  for (const text of texts) {
    const start = prereadPeriodStart(text);
    if (start === UNKNOWN_PERIOD) return undefined;
    if (start !== null) starts.push(start);
  }
  return scanWindowStart(starts);
}

interface Begun {
  window: string | undefined;
  stop: AbortController;
  results: Promise<UpdateResult>[];
}

export class WindowedScan {
  private current: CommitIndex[];
  private begun: Begun | undefined;

  /** `makeIndex(i)`: a fresh index for the i-th repository (called again after a wrong start). */
  constructor(
    private readonly makeIndex: (i: number) => CommitIndex,
    count: number,
  ) {
    this.current = Array.from({ length: count }, (_, i) => makeIndex(i));
    for (const index of this.current) index.prepare();
  }

  /** The indexes the results are for (new ones after a wrong start). */
  get indexes(): readonly CommitIndex[] {
    return this.current;
  }

  /** The window the running scans started from, if any started. */
  get startedFrom(): { window: string | undefined } | undefined {
    return this.begun && { window: this.begun.window };
  }

  /**
   * Starts every update from `window` now; resolves once each one's `git log` has
   * been started (or the update has ended without one), so that the caller's next
   * synchronous work (a parse) runs beside git rather than before it.
   */
  begin(window: string | undefined): Promise<void> {
    if (this.begun) throw new Error('the scans have begun already');
    const stop = new AbortController();
    const started: Promise<void>[] = [];
    const results = this.current.map((index) => {
      let onStart!: () => void;
      const gitStarted = new Promise<void>((resolve) => (onStart = resolve));
      index.setWindow(window);
      const result = index.update({ signal: stop.signal, onStart });
      result.catch(() => undefined);
      started.push(
        Promise.race([
          gitStarted,
          result.then(
            () => undefined,
            () => undefined,
          ),
        ]),
      );
      return result;
    });
    this.begun = { window, stop, results };
    return Promise.all(started).then(() => undefined);
  }

  /**
   * The updates for the real window: those begun, when they started from it; else they
   * are stopped, and fresh indexes read from `window`.
   */
  async finish(window: string | undefined): Promise<Promise<UpdateResult>[]> {
    if (this.begun && this.begun.window === window) return this.begun.results;
    if (this.begun) {
      await this.stop();
      this.current = this.current.map((_, i) => this.makeIndex(i));
    }
    this.begin(window).catch(() => undefined);
    return this.begun!.results;
  }

  /** Stops the scans begun (the command ends before it needs them); resolves once they have ended. */
  async stop(): Promise<void> {
    const begun = this.begun;
    if (!begun) return;
    this.begun = undefined;
    begun.stop.abort();
    await Promise.allSettled(begun.results);
  }
}
