// Splitting a mention into tokens in one pass. Each token keeps where it came from (so evidence
// quotes the author's own words), a normalised key (lower case, no apostrophes, possessive
// removed: "Oakfield's" → "oakfield"), and what marks it: a hashtag, a handle, a capital letter.

export interface Token {
  /** The key every lookup uses: lower case, diacritics and apostrophes removed, possessive stripped. */
  key: string;
  start: number;
  end: number;
  /** Written with a capital first letter. */
  capital: boolean;
  /** '#' for a hashtag, '@' for a handle, '' otherwise. */
  mark: '' | '#' | '@';
  /** Ended in 's, s' or ' (possessive). */
  possessive: boolean;
  /** Punctuation (. , ! ? ; : or a line break) separates this token from the one before. */
  breakBefore: boolean;
}

const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x2018;
const isBreak = (c: number): boolean =>
  c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 58 || c === 10 || c === 0x2026;

/** Lower case without diacritics or apostrophes. Fast path for plain ASCII. */
export function normaliseWord(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) ascii = false;
  const lower = ascii ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return lower.includes("'") || !ascii ? lower.replace(/['\u2018\u2019_]/g, '') : lower;
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  let pendingBreak = false;
  while (i < length) {
    const c = text.charCodeAt(i);
    let mark: '' | '#' | '@' = '';
    let start = i;
    if ((c === 35 || c === 64) && i + 1 < length && isWordCode(text.charCodeAt(i + 1))) {
      mark = c === 35 ? '#' : '@';
      start = i + 1;
    } else if (!isWordCode(c)) {
      if (isBreak(c)) pendingBreak = true;
      i++;
      continue;
    }
    let end = start;
    while (end < length) {
      const d = text.charCodeAt(end);
      if (isWordCode(d) || (mark !== '' && d === 95)) end++;
      else if (mark === '' && isApostrophe(d) && end + 1 < length && isWordCode(text.charCodeAt(end + 1))) end++;
      else break;
    }
    let raw = text.slice(start, end);
    let possessive = false;
    // A trailing apostrophe after s ("parents'") is possessive too.
    if (end < length && isApostrophe(text.charCodeAt(end)) && (raw.endsWith('s') || raw.endsWith('S'))) {
      possessive = true;
      end++;
    }
    const last2 = raw.length > 2 ? raw.slice(-2).toLowerCase() : '';
    if (last2 === "'s" || last2 === '\u2019s' || last2 === '\u2018s') {
      raw = raw.slice(0, -2);
      possessive = true;
    }
    const first = raw.charCodeAt(0);
    tokens.push({
      key: normaliseWord(mark === '' ? raw : raw.replace(/_/g, '')),
      start: mark === '' ? start : start - 1,
      end,
      capital: (first >= 65 && first <= 90) || (first > 127 && !raw.startsWith(raw.charAt(0).toLowerCase())),
      mark,
      possessive,
      breakBefore: pendingBreak,
    });
    pendingBreak = false;
    i = end;
  }
  return tokens;
}

/** The keys of a phrase written in a lexicon or a watch list, tokenised exactly as mentions are. */
export function phraseKeys(phrase: string): string[] {
  return tokenise(phrase).map((token) => token.key);
}

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // one substitution, or one transposition of neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
