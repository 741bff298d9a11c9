// The module the extension host loads as `extensionTestsPath`: runs this window's
// suites with mocha inside the real extension host and writes the results to a
// file, because the host's exit code never reaches the launcher (code-server) or
// says nothing useful (it is 0 when run() throws). The launcher waits for the file;
// no file in time is a failure.
//
// Bundled per workspace by test/vscode/build-tests.js next to a run.json that names
// the suites, the results file and the grep.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface RunConfig {
  suites: string[];
  results: string;
  grep?: string;
  timeoutMs: number;
}

interface TestResult {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface RunResults {
  passes: number;
  failures: number;
  pending: number;
  tests: TestResult[];
  /** A suite that could not even load (syntax error, missing module). */
  loadError?: string;
  durationMs: number;
}

function writeResults(file: string, results: RunResults): void {
  // Written whole and renamed, so the launcher never reads half a file.
  fs.writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.partial`, file);
}

export async function run(): Promise<void> {
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'run.json'), 'utf8')) as RunConfig;
  const started = Date.now();
  const tests: TestResult[] = [];
  const mocha = new Mocha({ ui: 'bdd', timeout: config.timeoutMs, color: false, reporter: 'spec' });
  if (config.grep) mocha.grep(new RegExp(config.grep));
  for (const suite of config.suites) mocha.addFile(path.join(__dirname, suite));
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      // What is running now, so a window that never reports can say where it hung.
      const running = (kind: string, title: string) => fs.writeFileSync(`${config.results}.running`, `${kind}: ${title}`);
      runner.on('hook', (hook) => running('hook', hook.fullTitle()));
      runner.on('test', (test) => running('test', test.fullTitle()));
      runner.on('pass', (test) =>
        tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration }),
      );
      runner.on('pending', (test) => tests.push({ title: test.title, fullTitle: test.fullTitle(), state: 'pending' }));
      runner.on('fail', (test, err: unknown) =>
        tests.push({
          title: test.title,
          fullTitle: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration,
          error: err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) },
        }),
      );
    });
    writeResults(config.results, {
      passes: tests.filter((t) => t.state === 'passed').length,
      failures: tests.filter((t) => t.state === 'failed').length,
      pending: tests.filter((t) => t.state === 'pending').length,
      tests,
      durationMs: Date.now() - started,
    });
  } catch (err) {
    // A suite that throws while loading stops the whole run: `loadError` says so (the
    // launcher counts it as one failure besides any failed test).
    writeResults(config.results, {
      passes: tests.filter((t) => t.state === 'passed').length,
      failures: tests.filter((t) => t.state === 'failed').length,
      pending: tests.filter((t) => t.state === 'pending').length,
      tests,
      loadError: (err as Error)?.stack ?? String(err),
      durationMs: Date.now() - started,
    });
  }
}
