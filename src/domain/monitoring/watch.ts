// The watch list: whom and what to look for in public posts about one school (the contract's
// watch.json), and its compiled form, built once. A trust watches several schools with one
// compiled list: every term remembers which school it belongs to.
import { z } from 'zod';
import { phraseKeys } from './text.ts';

const name = z.string().trim().min(1, 'Give a name');

export const watchSchema = z.strictObject({
  school: z.strictObject({
    names: z.array(name).min(1, "Give at least one of the school's names"),
    handles: z
      .array(
        z
          .string()
          .trim()
          .regex(/^@?[A-Za-z0-9_.]+$/, 'A handle is letters, digits and _, like @oakfieldprimary'),
      )
      .default([]),
  }),
  pupils: z.array(z.strictObject({ first: name, last: name })).default([]),
  staff: z.array(z.strictObject({ first: name, last: name, title: name.optional() })).default([]),
});
export type Watch = z.infer<typeof watchSchema>;

export type TermKind = 'school' | 'staff' | 'pupil';

/** Something to find: a school's name or handle, a member of staff or a pupil. */
export interface Term {
  kind: TermKind;
  school: number;
  /** Index of the person in the school's staff or pupils list (-1 for the school itself). */
  person: number;
  /** How many tokens it spans. */
  length: number;
  /** Enough on its own to say the mention is about the school (a full name or handle, not "Oakfield"). */
  definite: boolean;
  /** The school's own handle (a match by author or @mention). */
  handle: boolean;
}

/** A node of the token trie: the terms ending here and the tokens that may follow. */
export interface TrieNode {
  terms: Term[];
  next: Map<string, TrieNode> | undefined;
}

export interface CompiledSchool {
  /** The school's first name, for people reading the output. */
  name: string;
  /** Official handles, lower case without @. */
  handles: Set<string>;
  /** The school's names with spaces removed ("oakfieldprimary"), longest first, for handles and hashtags. */
  compactNames: string[];
  /** Keys of words in the school's names ("primary", "school", "academy"). */
  nameWords: Set<string>;
  /** Keys of staff "title+surname", for spotting accounts named after them. */
  staffHandles: string[];
}

export interface CompiledWatch {
  schools: CompiledSchool[];
  /** First token → trie of every multi-word and single-word term. */
  trie: Map<string, TrieNode>;
  /** Pupils by first-name key, for the "first name with context" rule. */
  pupilFirstNames: Map<string, { school: number; person: number }[]>;
  /** Symmetric-delete index of name words of 5+ letters: a word with one letter removed → the words. */
  deletions: Map<string, string[]>;
  /** Every key of the trie's words, to tell an exact hit from a misspelling. */
  words: Set<string>;
}

/** Words too generic to stand for a school alone, so a hashtag of them alone is not a name. */
const genericWords = new Set([
  'school',
  'primary',
  'academy',
  'the',
  'st',
  'saint',
  'of',
  'and',
  'ce',
  'cofe',
  'c',
  'e',
]);

export function parseWatch(input: unknown): { ok: true; watch: Watch } | { ok: false; problems: string[] } {
  const parsed = watchSchema.safeParse(input);
  if (parsed.success) return { ok: true, watch: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`),
  };
}

export function compileWatch(watches: Watch | readonly Watch[]): CompiledWatch {
  const list: readonly Watch[] = Array.isArray(watches) ? watches : [watches as Watch];
  const compiled: CompiledWatch = {
    schools: [],
    trie: new Map(),
    pupilFirstNames: new Map(),
    deletions: new Map(),
    words: new Set(),
  };
  list.forEach((watch, school) => {
    const nameWords = new Set<string>();
    const compactNames: string[] = [];
    for (const schoolName of watch.school.names) {
      const keys = phraseKeys(schoolName);
      if (keys.length === 0) continue;
      keys.forEach((key) => nameWords.add(key));
      const distinctive = keys.filter((key) => !genericWords.has(key));
      const definite = keys.length > 1 && distinctive.length > 0;
      addTerm(compiled, keys, { kind: 'school', school, person: -1, length: keys.length, definite, handle: false });
      const compact = keys.join('');
      compactNames.push(compact);
      if (keys.length > 1)
        addTerm(compiled, [compact], { kind: 'school', school, person: -1, length: 1, definite, handle: false });
    }
    const handles = new Set(
      watch.school.handles.map((handle) => handle.replace(/^@/, '').replace(/[_.]/g, '').toLowerCase()),
    );
    for (const handle of handles) {
      addTerm(compiled, [handle], { kind: 'school', school, person: -1, length: 1, definite: true, handle: true });
      compactNames.push(handle);
    }
    const staffHandles: string[] = [];
    watch.staff.forEach((member, person) => {
      const first = phraseKeys(member.first);
      const last = phraseKeys(member.last);
      const base = { kind: 'staff', school, person, definite: true, handle: false } as const;
      addTerm(compiled, [...first, ...last], { ...base, length: first.length + last.length });
      if (member.title) {
        const title = phraseKeys(member.title);
        addTerm(compiled, [...title, ...last], { ...base, length: title.length + last.length });
        addTerm(compiled, [...title, ...first, ...last], {
          ...base,
          length: title.length + first.length + last.length,
        });
        staffHandles.push([...title, ...last].join(''));
      }
    });
    watch.pupils.forEach((pupil, person) => {
      const first = phraseKeys(pupil.first);
      const last = phraseKeys(pupil.last);
      const base = { kind: 'pupil', school, person, definite: true, handle: false } as const;
      addTerm(compiled, [...first, ...last], { ...base, length: first.length + last.length });
      addTerm(compiled, [...last, ...first], { ...base, length: first.length + last.length });
      const firstKey = first.join(' ');
      const known = compiled.pupilFirstNames.get(firstKey) ?? [];
      known.push({ school, person });
      compiled.pupilFirstNames.set(firstKey, known);
    });
    compiled.schools.push({
      name: watch.school.names[0] ?? '',
      handles,
      compactNames: [...new Set(compactNames)].sort((a, b) => b.length - a.length),
      nameWords,
      staffHandles,
    });
  });
  for (const word of compiled.words) {
    if (word.length < 5 || genericWords.has(word)) continue;
    for (let i = 0; i < word.length; i++) {
      const deleted = word.slice(0, i) + word.slice(i + 1);
      const words = compiled.deletions.get(deleted);
      if (!words) compiled.deletions.set(deleted, [word]);
      else if (!words.includes(word)) words.push(word);
    }
  }
  return compiled;
}

function addTerm(compiled: CompiledWatch, keys: readonly string[], term: Term): void {
  let node: TrieNode | undefined;
  for (const key of keys) {
    compiled.words.add(key);
    let level = compiled.trie;
    if (node) level = node.next ??= new Map<string, TrieNode>();
    let child = level.get(key);
    if (!child) {
      child = { terms: [], next: undefined };
      level.set(key, child);
    }
    node = child;
  }
  if (!node) return;
  // The same person listed twice, or a name given twice, is one term.
  const same = (t: Term) =>
    t.kind === term.kind && t.school === term.school && t.person === term.person && t.handle === term.handle;
  if (!node.terms.some(same)) node.terms.push(term);
}
