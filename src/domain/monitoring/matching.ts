// Finding the school, its staff and its pupils in a tokenised mention. Work per mention grows with
// its length, not with the size of the watch list: each token is looked up in the compiled trie
// (a hash map keyed by normalised token), and only where a name starts is the next token tried.
//
// Rules, in the school's words:
// - A school's full name ("Oakfield Primary"), a hashtag or handle of it (#OakfieldPrimary,
//   @oakfieldprimary) or the author being its official account: the post is about the school.
// - A short name on its own ("Oakfield") is about the school only when it is not followed by a
//   place ("Oakfield Road") or another kind of school ("Oakfield Academy" when ours is a primary),
//   and the post also speaks of school life (teachers, pupils, a trip, a year group), names a
//   member of its staff, or names one of its pupils in full.
// - Misspellings: a word of 5 or more letters one edit away (a letter added, dropped, changed, or
//   two swapped) from a word of a name counts, unless it is a common English word; a name may have
//   at most one misspelt word, and a person's name needs one word spelt right.
// - Pupils are looked for only in posts about their school. A pupil is named by first and last
//   name together, either order, possessive allowed ("Ruby Sinclair's", "Sinclair Ruby"), or by
//   the first name written with a capital and given a school context: straight after "our", "my",
//   "little", "young", "daughter", "son" and the like ("our Grace"), or straight before a year or
//   class ("Grace in Year 4", "Grace (Y4)", "Grace in Reception", "Grace in Mrs Carter's class",
//   "Grace from Oak class"). A first name alone, or in lower case ("grace period"), never counts.
import { commonWords, singleWordCues } from './lexicon.ts';
import { withinOneEdit, type Token } from './text.ts';
import type { CompiledWatch, Term, TrieNode } from './watch.ts';

export interface NameHit {
  term: Term;
  /** First token, and one past the last. */
  start: number;
  end: number;
  fuzzy: boolean;
}

export interface PupilHit {
  school: number;
  person: number;
  start: number;
  end: number;
  /** By first and last name, rather than first name and context. */
  fullName: boolean;
}

/** The keys a token may stand for: as written, without a plural/possessive s, or the name word it misspells. */
function keysOf(token: Token, compiled: CompiledWatch): { key: string; fuzzy: boolean }[] {
  const key = token.key;
  if (compiled.trie.has(key) || compiled.words.has(key)) return [{ key, fuzzy: false }];
  const found: { key: string; fuzzy: boolean }[] = [];
  if (key.length > 3 && key.endsWith('s') && compiled.words.has(key.slice(0, -1))) {
    return [{ key: key.slice(0, -1), fuzzy: false }];
  }
  if (key.length >= 5 && !commonWords.has(key)) {
    const seen = new Set<string>();
    const consider = (word: string) => {
      if (!seen.has(word) && withinOneEdit(word, key)) {
        seen.add(word);
        found.push({ key: word, fuzzy: true });
      }
    };
    for (const word of compiled.deletions.get(key) ?? []) consider(word);
    for (let i = 0; i < key.length; i++) {
      const deleted = key.slice(0, i) + key.slice(i + 1);
      if (compiled.words.has(deleted)) consider(deleted);
      for (const word of compiled.deletions.get(deleted) ?? []) consider(word);
    }
  }
  return found;
}

export function findNames(tokens: readonly Token[], compiled: CompiledWatch): NameHit[] {
  const hits: NameHit[] = [];
  const keys: ({ key: string; fuzzy: boolean }[] | undefined)[] = new Array<undefined>(tokens.length);
  const keysAt = (i: number) => (keys[i] ??= keysOf(tokens[i]!, compiled));

  const walk = (node: TrieNode, start: number, end: number, misspelt: number) => {
    for (const term of node.terms) {
      const accepted = misspelt === 0 || (misspelt === 1 && (term.kind === 'school' || end - start > misspelt));
      if (accepted) hits.push({ term, start, end, fuzzy: misspelt > 0 });
    }
    const next = node.next;
    if (!next || end >= tokens.length || tokens[end]!.breakBefore) return;
    for (const { key, fuzzy } of keysAt(end)) {
      const child = next.get(key);
      if (child && misspelt + (fuzzy ? 1 : 0) <= 1) walk(child, start, end + 1, misspelt + (fuzzy ? 1 : 0));
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    for (const { key, fuzzy } of keysAt(i)) {
      const node = compiled.trie.get(key);
      if (node) walk(node, i, i + 1, fuzzy ? 1 : 0);
    }
    // A hashtag or handle that starts with a name: #OakfieldPrimaryProud, @oakfieldprimary_pta.
    if (token.mark !== '' && !compiled.trie.has(token.key)) {
      for (let length = token.key.length - 1; length >= 5; length--) {
        const node = compiled.trie.get(token.key.slice(0, length));
        const schoolTerms = node?.terms.filter((term) => term.kind === 'school') ?? [];
        if (schoolTerms.length > 0) {
          for (const term of schoolTerms)
            hits.push({ term: { ...term, handle: false }, start: i, end: i + 1, fuzzy: false });
          break;
        }
      }
    }
  }
  return hits;
}

export type SchoolRefusal = 'place' | 'other school';

/** Whether a bare short name is followed by a place or another kind of school. */
export function shortNameRefused(
  tokens: readonly Token[],
  hit: NameHit,
  nameWords: ReadonlySet<string>,
): SchoolRefusal | undefined {
  const next = tokens[hit.end];
  if (!next || next.breakBefore || tokens[hit.end - 1]!.possessive) return undefined;
  if (nameWords.has(next.key)) return undefined;
  const cues = singleWordCues(next.key);
  if (cues.includes('otherSchool')) return 'other school';
  if (cues.includes('place') && next.capital) return 'place';
  if (cues.includes('place') && !cues.includes('context') && !cues.includes('pupils')) return 'place';
  return undefined;
}

/** Whether the token at `i` is a year or class marker: "Year 4", "Y4", "yr 6", "Reception". */
export function yearMarkerAt(tokens: readonly Token[], i: number): number {
  const token = tokens[i];
  if (!token) return 0;
  const key = token.key;
  if (/^(y|yr|year)([1-9]|1[0-3]|r)$/.test(key)) return 1;
  if (key === 'year' || key === 'yr' || key === 'y') {
    const next = tokens[i + 1];
    if (next && /^([1-9]|1[0-3])$/.test(next.key)) return 2;
  }
  if (key === 'reception' || key === 'nursery') return 1;
  return 0;
}

const beforeFirstName = new Set([
  'our',
  'my',
  'little',
  'young',
  'daughter',
  'son',
  'granddaughter',
  'grandson',
  'niece',
  'nephew',
  'stepdaughter',
  'stepson',
  'pupil',
]);
const titles = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr']);

/** The first-name-with-context rule (see the top of this file). */
export function firstNameInContext(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (!token.capital || token.mark !== '') return false;
  const before = tokens[i - 1];
  if (before && !token.breakBefore && beforeFirstName.has(before.key)) return true;
  let j = i + 1;
  const after = tokens[j];
  if (!after) return false;
  if (after.key === 'in' || after.key === 'from' || after.key === 'of') j++;
  if (yearMarkerAt(tokens, j) > 0) return true;
  // "in Mrs Carter's class", "in Oak class", "in class 3"
  const a = tokens[j];
  const b = tokens[j + 1];
  const c = tokens[j + 2];
  if (a?.key === 'class') return true;
  if (b?.key === 'class' && a?.capital) return true;
  if (a && titles.has(a.key) && b && c?.key === 'class') return true;
  return false;
}
