import { strict as assert } from 'node:assert';
import {
  branchName,
  branchNameProblem,
  branchTemplateProblems,
  DEFAULT_BRANCH_TEMPLATE,
  krIdFromBranch,
  MAX_BRANCH_LENGTH,
  sanitizeBranchName,
  slugify,
} from '../../../src/core/git/branch-name';
import { TempRepo } from '../../helpers/git-repo';
import { seededRandom } from '../../helpers/random';

const HOSTILE_TITLES = [
  'Reduce P1 incidents from twelve to three per quarter',
  'Réduire les incidents de moitié — vite!',
  'Straße, Øre, Æble, Łódź, Œuvre',
  '信頼性を高める',
  '🚀🚀🚀',
  '',
  '   ',
  '$(rm -rf /); `reboot` && echo | cat > /etc/passwd',
  'it\'s "quoted" & <tagged> 100% done; {braces} |pipe|',
  'a..b...c',
  '~^:?*[\\ all the forbidden ones',
  'ends with .lock',
  'ends.lock',
  'trailing dot.',
  'has @{upstream} in it',
  '@',
  '-leading dash',
  '--force',
  'HEAD',
  '/leading/and/trailing/',
  'double//slash',
  'control\u0000chars\u0001\u001f\u007f\ttab\nnewline\rcr',
  'x'.repeat(500),
  'word '.repeat(100),
  'supercalifragilisticexpialidocious'.repeat(5) + ' tail',
  '.hidden',
  'refs/heads/main',
  '\u202eright-to-left override',
  'ZERO\u200bWIDTH space',
];

const HOSTILE_IDS = ['PLAT-KR1', 'kr.1', 'A..B', 'X.lock', 'Q-', 'a_b', 'K'.repeat(150), 'HEAD'];

const TEMPLATES = [
  DEFAULT_BRANCH_TEMPLATE,
  '${id}/${slug}',
  'feature/${slug}-${id}',
  '${id}',
  'okr//${id}..${slug}.lock',
  '-${id} ${slug}.',
  '@{${id}}',
];

const random = seededRandom;

function randomTitle(rnd: () => number): string {
  const alphabet = [
    'a',
    'Z',
    '9',
    ' ',
    '.',
    '/',
    '-',
    '_',
    '~',
    '^',
    ':',
    '?',
    '*',
    '[',
    '\\',
    '@',
    '{',
    '}',
    '\u0000',
    '\n',
    'é',
    'ß',
    '漢',
    '😀',
    '\u0301',
    'lock',
    '..',
    '@{',
  ];
  const length = Math.floor(rnd() * 140);
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

describe('branch names', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  before(() => {
    repo = TempRepo.create();
  });
  after(() => repo.remove());

  /** Asks git about many names at once: `check-ref-format --branch` exits non-zero on a bad one. */
  const assertGitAccepts = (names: readonly string[], context: (i: number) => string) => {
    names.forEach((name, i) => {
      const r = repo.git(['check-ref-format', '--branch', name], { allowFail: true });
      assert.equal(r.status, 0, `git refuses ${JSON.stringify(name)} (${context(i)}): ${r.stderr}`);
      assert.equal(r.stdout.trim(), name, `git would rewrite ${JSON.stringify(name)}`);
    });
  };

  it('branchNameProblem agrees with git check-ref-format --branch, with a reason for each refusal', () => {
    const names = [
      'kr/PLAT-KR1-reduce',
      'feature/x',
      'a.b',
      'x@y',
      'a-',
      'v1.2',
      'ünïcode/ok',
      '',
      ' ',
      'has space',
      'a..b',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      'a@{1}',
      '@',
      'HEAD',
      '-x',
      '/a',
      'a/',
      'a//b',
      'a.',
      '.a',
      'a/.b',
      'a.lock',
      'a/b.lock/c',
      'tab\tname',
      'bell\u0007',
    ];
    const random = seededRandom(11);
    const alphabet = 'ab./-@{~^: .lock*[\\';
    for (let i = 0; i < 300; i++)
      names.push(Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const name of names) {
      // git check-ref-format prints the name it accepts; --branch also refuses names git would read as something else.
      // git would make a branch "@", but "@" also means HEAD to it: refused, as sanitizeBranchName drops it.
      const git = name === '' || name === '@' ? 1 : repo.git(['check-ref-format', '--branch', name], { allowFail: true }).status;
      const problem = branchNameProblem(name);
      if (git === 0) assert.equal(problem, undefined, `${JSON.stringify(name)}: git accepts it, we say ${problem}`);
      else assert.ok(problem && problem.length > 10, `${JSON.stringify(name)}: git refuses it, we say nothing`);
    }
  });

  it('makes the readable default name', () => {
    assert.equal(
      branchName(DEFAULT_BRANCH_TEMPLATE, { id: 'PLAT-KR1', title: 'Reduce P1 incidents from twelve to three' }),
      'kr/PLAT-KR1-reduce-p1-incidents-from-twelve-to-three',
    );
    assert.equal(
      branchName(DEFAULT_BRANCH_TEMPLATE, { id: 'PLAT-KR1', title: 'Réduire les incidents de moitié' }),
      'kr/PLAT-KR1-reduire-les-incidents-de-moitie',
    );
    assert.equal(branchName(DEFAULT_BRANCH_TEMPLATE, { id: 'PLAT-KR1', title: '信頼性' }), 'kr/PLAT-KR1');
    assert.equal(branchName(DEFAULT_BRANCH_TEMPLATE, { id: 'PLAT-KR1' }), 'kr/PLAT-KR1');
    assert.equal(slugify('Straße, Øre'), 'strasse-ore');
  });

  it('cuts long titles at a word boundary, within the length limit', () => {
    const name = branchName(DEFAULT_BRANCH_TEMPLATE, { id: 'PLAT-KR1', title: 'word '.repeat(100) });
    assert.ok(name.length <= MAX_BRANCH_LENGTH, name);
    assert.match(name, /^kr\/PLAT-KR1(-word)+$/);
    assert.ok(name.length > MAX_BRANCH_LENGTH - 6, `cut too short: ${name}`);
    const oneWord = branchName(DEFAULT_BRANCH_TEMPLATE, { id: 'PLAT-KR1', title: 'x'.repeat(500) });
    assert.equal(oneWord.length, MAX_BRANCH_LENGTH);
  });

  it('is a name git accepts, unchanged, for every hostile title, id and template', () => {
    const names: string[] = [];
    const labels: string[] = [];
    for (const template of TEMPLATES) {
      for (const id of HOSTILE_IDS) {
        for (const title of HOSTILE_TITLES) {
          const name = branchName(template, { id, title });
          assert.ok(name.length > 0 && name.length <= MAX_BRANCH_LENGTH, `${JSON.stringify(name)} has length ${name.length}`);
          assert.ok(!name.startsWith('-'));
          names.push(name);
          labels.push(`${template} / ${id} / ${JSON.stringify(title)}`);
        }
      }
    }
    const unique = [...new Set(names)];
    assertGitAccepts(unique, (i) => labels[names.indexOf(unique[i])]);
  });

  it('is a name git accepts for 300 seeded random titles', () => {
    const rnd = random(4242);
    const cases = Array.from({ length: 300 }, () => ({
      title: randomTitle(rnd),
      template: TEMPLATES[Math.floor(rnd() * TEMPLATES.length)],
    }));
    const names = cases.map((c) => branchName(c.template, { id: 'PLAT-KR7', title: c.title }));
    for (const n of names) assert.ok(n.length <= MAX_BRANCH_LENGTH);
    assertGitAccepts(names, (i) => `${cases[i].template} / ${JSON.stringify(cases[i].title)}`);
  });

  it('sanitizes arbitrary names into valid ones', () => {
    assert.equal(sanitizeBranchName('a..b/.c/d.lock/e.'), 'a.b/c/d/e');
    assert.equal(sanitizeBranchName('-x @{y} ~z'), 'x-y}-z');
    assert.equal(sanitizeBranchName('HEAD'), 'HEAD-branch');
  });

  it('reports template problems', () => {
    assert.deepEqual(branchTemplateProblems(DEFAULT_BRANCH_TEMPLATE), []);
    assert.match(branchTemplateProblems('kr/${id}-${title}')[0], /unknown variable \$\{title\}/);
    assert.match(branchTemplateProblems('feature/${slug}')[0], /no \$\{id\}/);
    assert.throws(() => branchName('kr/${nope}', { id: 'A' }), /unknown variable/);
  });
});

describe('krIdFromBranch', () => {
  const known = ['PLAT-KR1', 'PLAT-KR12', 'PLAT-KR2', 'KR1', 'web.kr-3'];

  it('prefers the longest id', () => {
    assert.equal(krIdFromBranch('kr/PLAT-KR12-foo', known), 'PLAT-KR12');
    assert.equal(krIdFromBranch('kr/PLAT-KR1-foo', known), 'PLAT-KR1');
    assert.equal(krIdFromBranch('kr/PLAT-KR1', known), 'PLAT-KR1');
  });

  it('matches case-insensitively, at segment boundaries only', () => {
    assert.equal(krIdFromBranch('feature/plat-kr2_fix', known), 'PLAT-KR2');
    assert.equal(krIdFromBranch('kr/PLAT-KR123-foo', known), undefined);
    assert.equal(krIdFromBranch('kr/XPLAT-KR2', known), undefined);
    assert.equal(krIdFromBranch('fix/kr1', known), 'KR1');
    assert.equal(krIdFromBranch('fix/kr10', known), undefined);
    assert.equal(krIdFromBranch('WEB.KR-3/x', known), 'web.kr-3');
    assert.equal(krIdFromBranch('main', known), undefined);
    assert.equal(krIdFromBranch('main', []), undefined);
  });

  it('takes the first of two ids of the same length', () => {
    assert.equal(krIdFromBranch('kr/PLAT-KR2-and-PLAT-KR1', known), 'PLAT-KR2');
  });

  it('finds the id in the names branchName makes', () => {
    for (const id of known) {
      assert.equal(krIdFromBranch(branchName(DEFAULT_BRANCH_TEMPLATE, { id, title: 'Some title 12' }), known), id);
    }
  });
});
