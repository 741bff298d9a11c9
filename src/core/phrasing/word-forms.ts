// Word forms: spellings and inflections of verbs, and the verb lexicons built from them.

export function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/** A verb's base form from its third-person present ("excites" -> "excite", "pushes" -> "push", "manages" -> "manage"). */
export function presentBase(verb: string): string {
  return verb.replace(/(?<=(?:sh|ch|x|z|ss))es$|s$/, '');
}

/** American and British spellings of a word (`modernize` <-> `modernise`). */
export function spellings(word: string): string[] {
  const out = [word];
  if (/iz(e|es|ed|ing|ation|ations)$/.test(word)) out.push(word.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1'));
  if (/is(e|es|ed|ing|ation|ations)$/.test(word)) out.push(word.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1'));
  return out;
}

const IRREGULAR_PAST: Record<string, string[]> = {
  build: ['built'],
  rebuild: ['rebuilt'],
  write: ['written', 'wrote'],
  rewrite: ['rewritten', 'rewrote'],
  run: ['ran', 'run'],
  set: ['set'],
  put: ['put'],
  split: ['split'],
  do: ['done', 'did'],
  hold: ['held'],
  shut: ['shut'],
  go: ['gone', 'went'],
  stand: ['stood'],
  spin: ['spun'],
  begin: ['begun', 'began'],
};

const VOWEL = /[aeiou]/;

/** The -ing and past forms of a verb. */
export function inflections(base: string): { gerund: string[]; past: string[] } {
  const gerund: string[] = [];
  const past: string[] = [...(IRREGULAR_PAST[base] ?? [])];
  const last = base.charAt(base.length - 1);
  // Consonant-vowel-consonant endings double the consonant (ship -> shipping); both forms are kept, harmlessly.
  const doubles =
    base.length >= 3 &&
    !VOWEL.test(last) &&
    !/[wxy]/.test(last) &&
    VOWEL.test(base.charAt(base.length - 2)) &&
    !VOWEL.test(base.charAt(base.length - 3));
  if (base.endsWith('ie')) gerund.push(`${base.slice(0, -2)}ying`);
  else if (base.endsWith('e') && !/(ee|ye|oe)$/.test(base)) gerund.push(`${base.slice(0, -1)}ing`);
  else gerund.push(`${base}ing`);
  if (doubles) gerund.push(`${base}${last}ing`);
  if (base.endsWith('e')) past.push(`${base}d`);
  else if (/[^aeiou]y$/.test(base)) past.push(`${base.slice(0, -1)}ied`);
  else past.push(`${base}ed`);
  if (doubles) past.push(`${base}${last}ed`);
  return { gerund, past };
}

export interface VerbLexicon {
  /** Surface form (base, -ing or past, either spelling) -> base form as listed. */
  forms: Map<string, string>;
  /** Past participles -> base form (for "Billing migrated to Go"). */
  participles: Map<string, string>;
  /** Base verbs listed with a particle ("roll out", "build out") -> the particles. */
  particles: Map<string, Set<string>>;
  /** Base verbs listed on their own ("build"); the others need their particle ("roll" needs "out"). */
  standalone: Set<string>;
}

/**
 * Builds a lexicon from verbs such as "migrate", "roll out", "set up". Third-person
 * forms are left out on purpose: a title that starts with "Releases" or "Builds"
 * starts with a plural noun ("Releases are boring"), not an instruction.
 */
export function buildVerbLexicon(verbs: readonly string[]): VerbLexicon {
  const lexicon: VerbLexicon = { forms: new Map(), participles: new Map(), particles: new Map(), standalone: new Set() };
  for (const raw of verbs) {
    const phrase = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    if (phrase === '') continue;
    const [head, ...rest] = phrase.split(' ');
    if (rest.length) {
      const p = lexicon.particles.get(head) ?? new Set<string>();
      p.add(rest.join(' '));
      lexicon.particles.set(head, p);
    } else {
      lexicon.standalone.add(head);
    }
    for (const spelling of spellings(head)) {
      const f = inflections(spelling);
      for (const w of [spelling, ...f.gerund, ...f.past]) if (!lexicon.forms.has(w)) lexicon.forms.set(w, head);
      for (const w of f.past) if (!lexicon.participles.has(w)) lexicon.participles.set(w, head);
    }
  }
  return lexicon;
}
