import { strict as assert } from 'node:assert';
import {
  addTrailer,
  hasTrailer,
  isValidTrailerKey,
  messageLayout,
  parseAllTrailers,
  parseTrailers,
  removeTrailer,
  trailerInsertion,
  withoutTrailersIfOtherwiseEmpty,
} from '../../../src/core/git/trailers';
import { TempRepo } from '../../helpers/git-repo';
import { seededRandom } from '../../helpers/random';

const KEY = 'Key-Result';
const SCISSORS_LINE = '# ------------------------ >8 ------------------------';

describe('git trailers: parsing', () => {
  it('reads the trailers of the last paragraph, case-insensitively by key', () => {
    const m = 'Fix the pager\n\nLonger text.\n\nSigned-off-by: Dana <d@x>\nkey-result: PLAT-KR1\nKey-Result :  PLAT-KR2  \n';
    assert.deepEqual(parseTrailers(m, KEY), ['PLAT-KR1', 'PLAT-KR2']);
    assert.deepEqual(
      parseAllTrailers(m).map((t) => `${t.key}=${t.value}`),
      ['Signed-off-by=Dana <d@x>', 'key-result=PLAT-KR1', 'Key-Result=PLAT-KR2'],
    );
  });

  it('never reads the subject paragraph as trailers', () => {
    assert.deepEqual(parseTrailers('Key-Result: PLAT-KR1\n', KEY), []);
    assert.deepEqual(parseTrailers('Key-Result: PLAT-KR1\nKey-Result: PLAT-KR2', KEY), []);
  });

  it('needs every line of the paragraph to be a trailer, unless git generated one', () => {
    assert.deepEqual(parseTrailers('Subject\n\nThis fixes it.\nKey-Result: PLAT-KR1\n', KEY), []);
    // One git-generated trailer and at least a quarter of trailers make a block.
    assert.deepEqual(parseTrailers('Subject\n\nThis fixes it.\nKey-Result: PLAT-KR1\nSigned-off-by: D <d@x>\n', KEY), ['PLAT-KR1']);
  });

  it('ignores comments, the scissors line and everything after it', () => {
    const m =
      `Subject\n\nKey-Result: PLAT-KR1\n\n# Please enter the commit message\n${SCISSORS_LINE}\n# Do not modify\n` +
      `diff --git a/x b/x\n\nKey-Result: PLAT-KR9\n`;
    assert.deepEqual(parseTrailers(m, KEY), ['PLAT-KR1']);
    assert.deepEqual(parseTrailers('Subject\n\nKey-Result: PLAT-KR1\n; comment\n', KEY, { commentChar: ';' }), ['PLAT-KR1']);
  });

  it('unfolds continuation lines', () => {
    assert.deepEqual(
      parseAllTrailers('S\n\nLong: one\n  two\n\tthree\n').map((t) => t.value),
      ['one two three'],
    );
  });

  it('does not stop at a --- line (commit messages have no patch divider)', () => {
    assert.deepEqual(parseTrailers('S\n\n---\n\nKey-Result: PLAT-KR1\n', KEY), ['PLAT-KR1']);
  });

  it('checks trailer keys', () => {
    assert.ok(isValidTrailerKey('Key-Result'));
    assert.ok(isValidTrailerKey('KR'));
    for (const bad of ['', 'Key Result', 'Key:Result', '-Key', 'Key,x', 'Kéy']) assert.ok(!isValidTrailerKey(bad), bad);
  });
});

describe('git trailers: adding and removing', () => {
  it('adds a new paragraph after the message, before the comments', () => {
    assert.equal(addTrailer('Fix the pager', KEY, 'PLAT-KR1'), 'Fix the pager\n\nKey-Result: PLAT-KR1\n');
    assert.equal(addTrailer('Fix the pager\n', KEY, 'PLAT-KR1'), 'Fix the pager\n\nKey-Result: PLAT-KR1\n');
    assert.equal(
      addTrailer('Fix the pager\n\n# Please enter the commit message\n#\n', KEY, 'PLAT-KR1'),
      'Fix the pager\n\nKey-Result: PLAT-KR1\n\n# Please enter the commit message\n#\n',
    );
  });

  it('appends to an existing block, keeping Signed-off-by and the others', () => {
    assert.equal(
      addTrailer('Fix\n\nBody.\n\nSigned-off-by: D <d@x>\n\n# comment\n', KEY, 'PLAT-KR1'),
      'Fix\n\nBody.\n\nSigned-off-by: D <d@x>\nKey-Result: PLAT-KR1\n\n# comment\n',
    );
    assert.equal(addTrailer('Fix\n\nSigned-off-by: D <d@x>', KEY, 'PLAT-KR1'), 'Fix\n\nSigned-off-by: D <d@x>\nKey-Result: PLAT-KR1\n');
  });

  it('leaves the first line free in an empty editor template', () => {
    const template = '\n# Please enter the commit message for your changes.\n#\n# On branch main\n';
    assert.equal(addTrailer(template, KEY, 'PLAT-KR1'), `\n\nKey-Result: PLAT-KR1\n${template}`);
    assert.equal(addTrailer('', KEY, 'PLAT-KR1'), '\n\nKey-Result: PLAT-KR1\n');
  });

  it('goes before the scissors line of a verbose commit', () => {
    const m = `Fix\n${SCISSORS_LINE}\n# Do not modify or remove the line above.\ndiff --git a/a b/a\n`;
    assert.equal(
      addTrailer(m, KEY, 'PLAT-KR1'),
      `Fix\n\nKey-Result: PLAT-KR1\n${SCISSORS_LINE}\n# Do not modify or remove the line above.\ndiff --git a/a b/a\n`,
    );
  });

  it('keeps CRLF line endings', () => {
    assert.equal(addTrailer('Fix\r\n\r\nBody\r\n', KEY, 'PLAT-KR1'), 'Fix\r\n\r\nBody\r\n\r\nKey-Result: PLAT-KR1\r\n');
  });

  it('does not duplicate a trailer, whatever its case', () => {
    const m = 'Fix\n\nkey-result: plat-kr1\n';
    assert.equal(addTrailer(m, KEY, 'PLAT-KR1'), m);
    assert.equal(trailerInsertion(m, KEY, 'PLAT-KR1'), undefined);
    assert.ok(hasTrailer(m, KEY, 'PLAT-KR1'));
  });

  it('refuses keys and values that would break the message', () => {
    assert.throws(() => addTrailer('Fix', 'Key Result', 'PLAT-KR1'), RangeError);
    assert.throws(() => addTrailer('Fix', KEY, 'PLAT-KR1\nSigned-off-by: x'), RangeError);
    assert.throws(() => addTrailer('Fix', KEY, ''), RangeError);
  });

  it('removes a trailer, and the blank line before a block it empties', () => {
    assert.equal(removeTrailer('Fix\n\nKey-Result: PLAT-KR1\n', KEY, 'plat-kr1'), 'Fix\n');
    assert.equal(
      removeTrailer('Fix\n\nSigned-off-by: D <d@x>\nKey-Result: PLAT-KR1\nKey-Result: PLAT-KR2\n# c\n', KEY, 'PLAT-KR1'),
      'Fix\n\nSigned-off-by: D <d@x>\nKey-Result: PLAT-KR2\n# c\n',
    );
    assert.equal(removeTrailer('Fix\n\nKey-Result: PLAT-KR1\n', KEY, 'PLAT-KR2'), 'Fix\n\nKey-Result: PLAT-KR1\n');
  });

  it('empties a message that says nothing but the trailer, so git aborts it', () => {
    const template = '\n# Please enter the commit message for your changes.\n';
    const untouched = addTrailer(template, KEY, 'PLAT-KR1');
    const emptied = withoutTrailersIfOtherwiseEmpty(untouched, KEY);
    assert.ok(emptied !== undefined);
    assert.equal(emptied.replace(/^#.*$/gm, '').trim(), '');
    assert.equal(withoutTrailersIfOtherwiseEmpty(addTrailer('Fix it', KEY, 'PLAT-KR1'), KEY), undefined);
    // Signed-off-by alone counts as empty for git too (`git commit -s` with the editor closed).
    assert.ok(withoutTrailersIfOtherwiseEmpty(addTrailer('\n\nSigned-off-by: D <d@x>\n\n# Please\n', KEY, 'PLAT-KR1'), KEY) !== undefined);
    // A subject that looks like a trailer is a subject.
    assert.equal(withoutTrailersIfOtherwiseEmpty('Key-Result: PLAT-KR1\n', KEY), undefined);
  });
});

// ---------------------------------------------------------------------------
// Cross-checks against git itself over many generated messages.

const random = seededRandom;

const SUBJECTS = [
  'Fix the pager',
  'Réduire les incidents 🚀',
  'Key-Result: PLAT-KR1',
  'feat: add canary deploys',
  'x',
  '   ',
  '#123 looks like a comment',
  '',
];
const BODY_LINES = [
  'This changes the retry policy.',
  'Note: this matters',
  'see https://example.com/a:b',
  '---',
  '--- a/file.c',
  '  indented line',
  '\tTabbed: value',
  'use #hashtags freely',
  'Conflicts:\n\tsrc/a.c',
  'Ünïcödé: ✓',
  'Done.\r',
  'Trailing spaces   ',
  'Key-Result is great',
  'a: b: c',
];
const TRAILERS = [
  'Signed-off-by: Dana <dana@example.com>',
  'Co-authored-by: Li <li@example.com>',
  'Key-Result: PLAT-KR2',
  'key-result: plat-kr7',
  'Reviewed-by: X',
  '(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)',
  'Foo : bar',
  'Long-Trailer: value\n  continued here',
  'Key-Result:PLAT-KR3',
  'Bug: 123',
  'Empty:',
];
const TAILS = [
  '',
  '\n',
  '\n\n',
  '\n# Please enter the commit message for your changes.\n#\n# On branch main\n',
  `\n${SCISSORS_LINE}\n# Do not modify or remove the line above.\ndiff --git a/x b/x\n+Key-Result: NOPE\n`,
  '# trailing comment without newline',
  '\n  \n',
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function generateMessage(rnd: () => number): string {
  let m = pick(rnd, SUBJECTS);
  const paragraphs = Math.floor(rnd() * 3);
  for (let p = 0; p < paragraphs; p++) {
    m += rnd() < 0.85 ? '\n\n' : '\n';
    const lines = 1 + Math.floor(rnd() * 3);
    m += Array.from({ length: lines }, () => pick(rnd, BODY_LINES)).join('\n');
  }
  if (rnd() < 0.6) {
    m += rnd() < 0.85 ? '\n\n' : rnd() < 0.5 ? '\n' : '\n \n';
    const lines = 1 + Math.floor(rnd() * 4);
    m += Array.from({ length: lines }, () => (rnd() < 0.15 ? pick(rnd, BODY_LINES) : pick(rnd, TRAILERS))).join('\n');
  }
  if (rnd() < 0.7) m += '\n';
  m += pick(rnd, TAILS);
  if (rnd() < 0.1) m = m.replace(/\n/g, '\r\n');
  return m;
}

/** Where `after` differs from `before` by one inserted block: the text outside it must be `before`. */
function assertPureInsertion(before: string, after: string, label: string): void {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  const k = after.length - before.length;
  assert.ok(k > 0, `${label}: nothing inserted`);
  assert.equal(after.slice(0, p) + after.slice(p + k), before, `${label}: the original message changed`);
}

describe('git trailers: cross-checked against git', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  before(() => {
    repo = TempRepo.create();
  });
  after(() => repo.remove());

  const gitParse = (message: string) =>
    repo
      .git(['interpret-trailers', '--parse', '--no-divider'], { input: message })
      .stdout.split('\n')
      .filter((l) => l !== '');

  const ours = (message: string) => parseAllTrailers(message).map((t) => `${t.key}: ${t.value}`);

  it('parses what git interpret-trailers --parse parses, and adds what it finds (300 seeded messages)', () => {
    const rnd = random(20261128);
    for (let i = 0; i < 300; i++) {
      const message = generateMessage(rnd);
      const label = `message #${i} ${JSON.stringify(message)}`;
      const before = gitParse(message);
      assert.deepEqual(ours(message), before, `${label}: parse differs from git`);

      const id = 'PLAT-KR42';
      const added = addTrailer(message, KEY, id);
      assertPureInsertion(message, added, label);
      assert.equal(addTrailer(added, KEY, id), added, `${label}: adding twice changed it`);
      assert.deepEqual(gitParse(added), [...before, `${KEY}: ${id}`], `${label}: git does not find the trailer (alone) at the end`);
      assert.deepEqual(ours(removeTrailer(added, KEY, id)), before, `${label}: removing did not give the trailers back`);
    }
  });

  it('commits made from the message keep the trailer (git commit --cleanup=strip, like an editor commit)', () => {
    const rnd = random(7);
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const message = generateMessage(rnd);
      const added = addTrailer(message, KEY, 'PLAT-KR42');
      // A message with nothing but the trailer is left to the commit-msg hook (it empties it).
      if (withoutTrailersIfOtherwiseEmpty(added, KEY) !== undefined) continue;
      // Without a subject (the first line blank, as in an editor's template), git's cleanup
      // makes the first paragraph the subject: the user is yet to write one.
      if (/^[ \t\r]*$/.test(added.split('\n').find((l) => !l.startsWith('#')) ?? '')) continue;
      const layout = messageLayout(added);
      assert.ok(layout.contentEnd > 0);
      repo.commit(added, { args: ['--cleanup=strip', '--verbose'] });
      assert.ok(repo.trailers().includes('PLAT-KR42'), `message #${i} ${JSON.stringify(added)} -> ${JSON.stringify(repo.message())}`);
      checked++;
    }
    assert.ok(checked > 30, `only ${checked} messages committed`);
  });
});
