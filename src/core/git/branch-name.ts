// Branch names for key results, and the way back: which key result a branch names.
// `branchName` makes a name git accepts (`git check-ref-format --branch`) from any
// title, however hostile; `krIdFromBranch` finds the id in a branch name. An
// explicit link in git config (`branch.<name>.okrKeyResult`) wins over the name;
// that lookup needs git and lives in git.ts. Pure: no git, no file system.

export const DEFAULT_BRANCH_TEMPLATE = 'kr/${id}-${slug}';

/** Longest branch name we make: long enough to read, short enough for terminals and prompts. */
export const MAX_BRANCH_LENGTH = 100;

/** The variables a template may use. */
export const BRANCH_TEMPLATE_VARIABLES = ['id', 'slug'] as const;

export interface BranchNameInput {
  id: string;
  title?: string;
}

/** Problems of a template as a user reads them; empty when it is usable. */
export function branchTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  if (template.trim() === '') problems.push('the branch template is empty');
  for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
    if (!(BRANCH_TEMPLATE_VARIABLES as readonly string[]).includes(m[1])) {
      problems.push(
        `unknown variable \${${m[1]}} in the branch template (use ${BRANCH_TEMPLATE_VARIABLES.map((v) => `\${${v}}`).join(', ')})`,
      );
    }
  }
  if (!template.includes('${id}'))
    problems.push('the branch template has no ${id}: branches of different key results would get the same name');
  return problems;
}

// Letters NFKD does not take apart into a base letter and marks.
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'n',
  ĸ: 'k',
};

/** A title as lower-case ASCII words joined by `-` (`Réduire les P1 !` -> `reduire-les-p1`). */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u0080-\uffff]/g, (c) => TRANSLITERATIONS[c] ?? ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug cut to at most `max` characters, at a word boundary when there is one. */
function truncateSlug(slug: string, max: number): string {
  if (max <= 0) return '';
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf('-');
  // A dash right after the limit means the word before it fits whole.
  if (lastDash > 0) return slug.slice(0, lastDash).replace(/-+$/, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/**
 * Makes any string a valid branch name, component by component, following
 * git-check-ref-format: no control characters, space, `~^:?*[\`, `..`, `@{`; no
 * component starting with `.` or ending with `.lock`; no trailing `.` or `/`; no
 * leading `-`; not `@` nor `HEAD`.
 */
export function sanitizeBranchName(name: string): string {
  const components = name
    .split('/')
    .map((c) =>
      c

        .replace(/[\u0000-\u0020\u007f~^:?*[\\]+/g, '-')
        .replace(/@\{/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/-{2,}/g, '-'),
    )
    .map((c) => {
      let out = c;
      for (;;) {
        const before = out;
        out = out.replace(/^[.-]+/, '').replace(/[.-]+$/, '');
        if (out.toLowerCase().endsWith('.lock')) out = out.slice(0, -'.lock'.length);
        if (out === before) return out;
      }
    })
    .filter((c) => c !== '' && c !== '@');
  const joined = components.join('/');
  return joined === 'HEAD' ? 'HEAD-branch' : joined;
}

/**
 * Why git would refuse `name` as a branch name (git-check-ref-format --branch), in
 * words for someone typing it; undefined when it is fine. The rules `sanitizeBranchName`
 * makes names follow.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a branch needs a name';

  const bad = /[\u0000-\u0020\u007f~^:?*[\\]/.exec(name);
  if (bad)
    return bad[0] === ' '
      ? 'no spaces in a branch name'
      : `a branch name cannot contain ${/[\u0000-\u001f\u007f]/.test(bad[0]) ? 'control characters' : `"${bad[0]}"`}`;
  if (name.includes('..')) return 'a branch name cannot contain ".."';
  if (name.includes('@{')) return 'a branch name cannot contain "@{"';
  if (name === '@') return '"@" cannot be a branch name';
  if (name === 'HEAD') return '"HEAD" cannot be a branch name';
  if (name.startsWith('-')) return 'a branch name cannot start with "-"';
  if (name.startsWith('/') || name.endsWith('/')) return 'a branch name cannot start or end with "/"';
  if (name.includes('//')) return 'a branch name cannot contain "//"';
  if (name.endsWith('.')) return 'a branch name cannot end with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return 'no part of a branch name (between "/") can start with "."';
    if (component.endsWith('.lock')) return 'no part of a branch name (between "/") can end with ".lock"';
  }
  return undefined;
}

function render(template: string, id: string, slug: string): string {
  return template.replace(/\$\{(id|slug)\}/g, (_, v: string) => (v === 'id' ? id : slug));
}

/**
 * The branch name for a key result: the template filled in with the id and a slug
 * of the title, made valid for git, at most MAX_BRANCH_LENGTH characters (the slug
 * is cut at a word boundary first). Throws a RangeError when the template has an
 * unknown variable (see `branchTemplateProblems`).
 */
export function branchName(template: string, input: BranchNameInput, maxLength = MAX_BRANCH_LENGTH): string {
  const unknown = branchTemplateProblems(template).filter((p) => p.startsWith('unknown variable'));
  if (unknown.length > 0) throw new RangeError(unknown[0]);
  const effective = template.trim() === '' ? DEFAULT_BRANCH_TEMPLATE : template;
  const slug = slugify(input.title ?? '');
  // The length without the slug says how much room the slug has; sanitizing only ever shortens.
  const fixed = sanitizeBranchName(render(effective, input.id, '')).length;
  const slugCount = (effective.match(/\$\{slug\}/g) ?? []).length;
  const room = slugCount === 0 ? 0 : Math.floor((maxLength - fixed - slugCount) / slugCount);
  let name = sanitizeBranchName(render(effective, input.id, truncateSlug(slug, room)));
  // A title cannot get here (its slug is ASCII), but a long id or template can; never split a surrogate pair.
  if (name.length > maxLength) name = sanitizeBranchName(name.slice(0, maxLength).replace(/[\uD800-\uDBFF]$/, ''));
  if (name === '') name = sanitizeBranchName(`kr/${input.id}`.slice(0, maxLength)) || 'kr/key-result';
  return name;
}

function isIdChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9]/.test(c);
}

/**
 * The known key-result id a branch name contains, matched case-insensitively and
 * only at segment boundaries (not inside a longer word or number): the longest
 * id wins, so `kr/PLAT-KR12-foo` is PLAT-KR12 even when PLAT-KR1 exists; between
 * ids of the same length, the one that appears first. Undefined when none does.
 */
export function krIdFromBranch(branch: string, knownIds: Iterable<string>): string | undefined {
  const haystack = branch.toLowerCase();
  let best: { id: string; at: number } | undefined;
  for (const id of knownIds) {
    if (id === '' || (best && id.length < best.id.length)) continue;
    const needle = id.toLowerCase();
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      if (isIdChar(haystack[at - 1]) || isIdChar(haystack[at + needle.length])) continue;
      if (!best || id.length > best.id.length || at < best.at) best = { id, at };
      break;
    }
  }
  return best?.id;
}
