// Per-key debounce: the store, the repository tracker's state reads and its "touched"
// event each wait for a quiet moment per file or repository, and only the last call
// for a key runs. Plain timers, no vscode: unit-tested in test/extension-unit.

export class KeyedDebounce<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();

  /** Runs `run` after `delayMs`, unless called again for the same key first: then only the last call runs. */
  schedule(key: K, delayMs: number, run: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        run();
      }, delayMs),
    );
  }

  /** Drops the call waiting for `key`, if any. */
  cancel(key: K): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  /** Drops every waiting call. */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
