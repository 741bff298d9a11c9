// A small test runner for the UI tests: `test(title, fn)` registers a test; `runTests`
// runs the selected ones in order on one workbench page, each after a reset of the
// layout, each with a deadline, and on failure saves `failure-<test>.png`. One failing
// test fails with its own message and the next one still runs.
'use strict';

const path = require('node:path');

/** The registered tests, in the order their files register them. */
const registry = [];

/**
 * Registers a UI test. `fn({ workbench, page, workspace, readmeScreenshot })` is async and
 * throws to fail. `timeoutMs` bounds the whole test (each step has its own, shorter, deadline).
 */
function test(title, fn, { timeoutMs = 60000 } = {}) {
  if (registry.some((t) => t.title === title)) throw new Error(`two UI tests are titled "${title}"`);
  registry.push({ title, fn, timeoutMs });
}

/** A file name for a test title: `failure-the-okr-lens-icon-opens-….png`. */
function slug(title) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Runs `tests` (default: all registered) matching `grep`. `context` is passed to every
 * test; `beforeEach()` resets the workbench. Returns the results; never throws for a
 * failing test.
 */
async function runTests({ tests = registry, grep, context, beforeEach, page, outDir, onResult = () => {} }) {
  const selected = grep ? tests.filter((t) => grep.test(t.title)) : tests;
  const results = [];
  for (const t of selected) {
    const started = Date.now();
    const result = { title: t.title, state: 'passed', durationMs: 0 };
    try {
      await withDeadline(
        (async () => {
          if (beforeEach) await beforeEach();
          await t.fn(context);
        })(),
        t.timeoutMs,
        `the test "${t.title}"`,
      );
    } catch (err) {
      result.state = 'failed';
      result.error = err instanceof Error ? err : new Error(String(err));
      result.screenshot = path.join(outDir, `failure-${slug(t.title)}.png`);
      await page.screenshot({ path: result.screenshot }).catch((shotErr) => {
        result.screenshot = `(no screenshot: ${shotErr.message})`;
      });
    }
    result.durationMs = Date.now() - started;
    results.push(result);
    onResult(result);
  }
  return results;
}

module.exports = { test, runTests, registry, slug };
