import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { messageWords } from '../../../src/core/git/hook-run';
import { LOCATOR_JS } from '../../../src/core/git/hook-cli';
import { managerOfHookText } from '../../../src/core/git/hook-managers';

const MANAGERS = path.resolve(__dirname, '..', '..', 'fixtures', 'hook-managers');
const fixture = (...p: string[]) => readFileSync(path.join(MANAGERS, ...p), 'utf8');

describe('hook managers, from their hook files', () => {
  it('tells each manager’s generated hook', () => {
    assert.equal(managerOfHookText(fixture('lefthook', 'commit-msg')), 'lefthook');
    assert.equal(managerOfHookText(fixture('pre-commit', 'commit-msg')), 'pre-commit');
    assert.equal(managerOfHookText(fixture('husky-4', 'hook')), 'husky-4');
    assert.equal(managerOfHookText('#!/usr/bin/env sh\n. "$(dirname "$0")/h"'), 'husky');
    assert.equal(managerOfHookText('#!/usr/bin/env sh\n. "${0%/*}/h"'), 'husky');
    assert.equal(managerOfHookText('#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx commitlint --edit $1\n'), 'husky');
    assert.equal(
      managerOfHookText('#!/bin/sh\nif [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then\n    exit 0\nfi\nnpx lint-staged'),
      'simple-git-hooks',
    );
  });

  it('leaves a user’s own hook, even one mentioning a manager, alone', () => {
    assert.equal(managerOfHookText('#!/bin/sh\n# we moved off husky last year\nexec ./scripts/check-msg "$1"\n'), undefined);
    assert.equal(managerOfHookText(readFileSync(path.resolve(__dirname, '..', '..', '..', 'bin', 'okr.js'), 'utf8')), undefined);
  });
});

describe('a commit message’s words (is the template still unedited?)', () => {
  it('sets comments, the scissors and everything below, and whitespace aside', () => {
    const template = 'area: \n\n# Say why.\n';
    assert.equal(messageWords(template, '#'), 'area:');
    assert.equal(
      messageWords('area:\n\n\n   \n# Say why.\n# ------------------------ >8 ------------------------\ndiff --git a b\n', '#'),
      'area:',
    );
    assert.notEqual(messageWords('area: pager\n', '#'), messageWords(template, '#'));
    assert.equal(messageWords('; a comment\narea:\n', ';'), 'area:');
  });
});

describe('the hooks’ CLI finder', () => {
  it('holds no single quote, so that it fits in the hook’s sh quotes', () => {
    assert.ok(!LOCATOR_JS.includes("'"));
  });
});
