// Classifying one mention: is it about the school, and which of the contract's labels apply, each
// with the words that triggered it so a person can see why. Lexicon and rules only: the same input
// always gives the same output, and every label can be explained.
import { z } from 'zod';
import { lexicon, type Cue } from './lexicon.ts';
import {
  findNames,
  firstNameInContext,
  shortNameRefused,
  yearMarkerAt,
  type NameHit,
  type PupilHit,
} from './matching.ts';
import { tokenise, type Token } from './text.ts';
import type { CompiledWatch } from './watch.ts';

export const labels = [
  'praise',
  'criticism',
  'complaint',
  'names_child',
  'pupil_photo',
  'allegation',
  'defamation_risk',
  'threat',
  'hate',
  'extremism',
  'bullying',
  'impersonation',
] as const;
export type Label = (typeof labels)[number];

export const sources = ['bluesky', 'mastodon', 'rss', 'manual'] as const;

export const mentionSchema = z.object({
  id: z.string().min(1, 'Give the mention an id'),
  text: z.string(),
  hasImage: z.boolean().optional(),
  source: z.enum(sources),
  url: z.string().optional(),
  author: z.string().optional(),
});
export type Mention = z.infer<typeof mentionSchema>;

export interface Classification {
  id: string;
  aboutSchool: boolean;
  labels: Label[];
  /** For each label, the words (as written) that triggered it. */
  evidence: Partial<Record<Label, string[]>>;
  /** For each label, how sure the rules are, from 0.5 (one weak cue) to 0.95. */
  confidence: Partial<Record<Label, number>>;
  /** Which of the watched schools (by position in the watch list) the mention is about. */
  schools: number[];
}

interface Occurrence {
  cues: readonly Cue[];
  start: number;
  end: number;
  negated: boolean;
}

const clauseLookBack = 3;
const negators = new Set([
  'not',
  'never',
  'no',
  'nothing',
  'isnt',
  'wasnt',
  'dont',
  'didnt',
  'doesnt',
  'cant',
  'wont',
  'hardly',
]);

/** Threats whose words are split by what is threatened: "burn the school down", "sort that teacher out". */
const splitThreats: readonly { first: readonly string[]; last: string; needsPerson: boolean }[] = [
  { first: ['burn', 'burning', 'torch', 'blow'], last: 'down', needsPerson: false },
  { first: ['blow'], last: 'up', needsPerson: false },
  { first: ['sort', 'deal'], last: 'out', needsPerson: true },
  { first: ['smash', 'kick', 'cave', 'knock'], last: 'in', needsPerson: false },
];

/** Longest phrase of the lexicon at each position; a phrase never crosses punctuation. */
function scanLexicon(tokens: readonly Token[]): Occurrence[] {
  const found: Occurrence[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node = lexicon.get(tokens[i]!.key);
    let best: { cues: readonly Cue[]; end: number } | undefined;
    let j = i + 1;
    while (node) {
      if (node.cues.length > 0) best = { cues: node.cues, end: j };
      if (!node.next || j >= tokens.length || tokens[j]!.breakBefore) break;
      node = node.next.get(tokens[j]!.key);
      j++;
    }
    if (best) {
      found.push({ cues: best.cues, start: i, end: best.end, negated: false });
      i = best.end;
    } else i++;
  }
  // A negator up to three words before, in the same clause, turns a phrase round: "not happy".
  for (let k = 0; k < found.length; k++) {
    const occurrence = found[k]!;
    for (let back = k - 1; back >= 0; back--) {
      const earlier = found[back]!;
      if (occurrence.start - earlier.end >= clauseLookBack) break;
      if (hasBreak(tokens, earlier.end, occurrence.start)) break;
      if (earlier.cues.includes('negator') || negators.has(tokens[earlier.start]!.key)) {
        occurrence.negated = true;
        break;
      }
    }
  }
  return found;
}

/** Punctuation anywhere between token `from` and token `to` (the break sits before a token). */
function hasBreak(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i <= to && i < tokens.length; i++) if (tokens[i]!.breakBefore) return true;
  return false;
}

const exemptAccountWords = [
  'pta',
  'friends',
  'parents',
  'mums',
  'dads',
  'alumni',
  'fans',
  'news',
  'watch',
  'fc',
  'old',
];

function compactHandle(author: string): string {
  return author
    .replace(/^@/, '')
    .replace(/@.*$/, '')
    .replace(/[_.\-\s]/g, '')
    .toLowerCase();
}

/** An author account that looks like the school's (or a member of its staff's) but is not the official one. */
function impersonatedSchool(
  author: string | undefined,
  compiled: CompiledWatch,
): { school: number; official: boolean } | undefined {
  if (!author) return undefined;
  const handle = compactHandle(author);
  if (handle.length < 4) return undefined;
  for (let school = 0; school < compiled.schools.length; school++) {
    const watched = compiled.schools[school]!;
    if (watched.handles.has(handle)) return { school, official: true };
  }
  if (exemptAccountWords.some((word) => handle.includes(word))) return undefined;
  for (let school = 0; school < compiled.schools.length; school++) {
    const watched = compiled.schools[school]!;
    const looksLike =
      watched.compactNames.some((name) => name.length >= 8 && handle.includes(name)) ||
      [...watched.handles].some((official) => official.length >= 6 && withinTwo(official, handle)) ||
      (watched.staffHandles.some((staff) => handle.includes(staff)) &&
        [...watched.nameWords].some((word) => word.length >= 5 && handle.includes(word)));
    if (looksLike) return { school, official: false };
  }
  return undefined;
}

function withinTwo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = row;
  }
  return previous[b.length]! <= 2;
}

export function classify(mention: Mention, compiled: CompiledWatch): Classification {
  const { text } = mention;
  const tokens = tokenise(text);
  const occurrences = scanLexicon(tokens);
  const quote = (start: number, end: number) => text.slice(tokens[start]!.start, tokens[end - 1]!.end);

  const hasCue = (cue: Cue) => occurrences.some((o) => o.cues.includes(cue));
  let schoolContext = hasCue('context') || hasCue('pupils');
  let yearMarkers = 0;
  for (let i = 0; i < tokens.length && yearMarkers === 0; i++) yearMarkers = yearMarkerAt(tokens, i);
  if (yearMarkers > 0) schoolContext = true;

  const hits = findNames(tokens, compiled);
  const schoolHits = hits.filter((hit) => hit.term.kind === 'school');
  const staffHits = hits.filter((hit) => hit.term.kind === 'staff');
  const pupilNameHits = hits.filter((hit) => hit.term.kind === 'pupil');

  // Which schools is it about?
  const about = new Map<number, number>(); // school → confidence
  const mark = (school: number, confidence: number) => about.set(school, Math.max(about.get(school) ?? 0, confidence));
  const author = impersonatedSchool(mention.author, compiled);
  if (author) mark(author.school, 0.95);
  for (const hit of schoolHits) {
    if (hit.term.definite) {
      mark(hit.term.school, hit.fuzzy ? 0.8 : 0.95);
      continue;
    }
    const school = compiled.schools[hit.term.school]!;
    if (shortNameRefused(tokens, hit, school.nameWords)) continue;
    const next = tokens[hit.end];
    const namedPerson = [...staffHits, ...pupilNameHits].some((h) => h.term.school === hit.term.school);
    if (schoolContext || namedPerson) mark(hit.term.school, hit.fuzzy ? 0.65 : 0.75);
    else if (next?.key === 'school') mark(hit.term.school, 0.8);
  }
  const schools = [...about.keys()].sort((a, b) => a - b);
  if (schools.length === 0)
    return { id: mention.id, aboutSchool: false, labels: [], evidence: {}, confidence: {}, schools };

  const found = new Map<Label, { words: string[]; weight: number }>();
  const add = (label: Label, words: string, weight = 1) => {
    const entry = found.get(label) ?? { words: [], weight: 0 };
    if (!entry.words.includes(words)) entry.words.push(words);
    entry.weight += weight;
    found.set(label, entry);
  };
  const quoteOccurrence = (o: Occurrence) => {
    if (!o.negated) return quote(o.start, o.end);
    let from = o.start - 1;
    while (from > 0 && !occurrences.some((n) => n.end === from + 1 && n.start <= from && n.cues.includes('negator')))
      from--;
    return quote(Math.max(from, 0), o.end);
  };
  const of = (cue: Cue) => occurrences.filter((o) => o.cues.includes(cue));

  // People: staff of the schools it is about, pupils named in full or in context.
  const ourStaff = staffHits.filter((hit) => about.has(hit.term.school));
  const pupils: PupilHit[] = pupilNameHits
    .filter((hit) => about.has(hit.term.school))
    .map((hit) => ({
      school: hit.term.school,
      person: hit.term.person,
      start: hit.start,
      end: hit.end,
      fullName: true,
    }));
  const covered = (i: number, list: readonly { start: number; end: number }[]) =>
    list.some((h) => i >= h.start && i < h.end);
  for (let i = 0; i < tokens.length; i++) {
    const candidates = compiled.pupilFirstNames.get(tokens[i]!.key);
    if (!candidates || covered(i, pupils) || covered(i, ourStaff) || covered(i, schoolHits)) continue;
    const mine = candidates.filter((c) => about.has(c.school));
    if (mine.length > 0 && firstNameInContext(tokens, i)) {
      pupils.push({ school: mine[0]!.school, person: mine[0]!.person, start: i, end: i + 1, fullName: false });
    }
  }
  for (const pupil of pupils) add('names_child', quote(pupil.start, pupil.end), pupil.fullName ? 2 : 1);

  // Other people named with a title ("Mr Smith"), for statements about a named person.
  const titled: NameHit[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const title = occurrences.find((o) => o.start === i && o.cues.includes('title'));
    if (title && tokens[i + 1]!.capital && !tokens[i + 1]!.breakBefore) {
      titled.push({
        term: { kind: 'staff', school: -1, person: -1, length: 2, definite: false, handle: false },
        start: i,
        end: i + 2,
        fuzzy: false,
      });
    }
  }
  const namedPeople = [...ourStaff, ...titled];

  // Praise and criticism, with negation and sarcasm.
  const praise = of('praise').filter((o) => !o.negated && !o.cues.includes('criticism'));
  const turnedPraise = of('praise').filter((o) => o.negated);
  const criticism = of('criticism').filter((o) => !o.negated);
  const events = of('event');
  const repeats = of('repeat');
  let sarcasm = of('sarcasm').map(quoteOccurrence);
  if (/(^|\s)\/s\b/.test(text) || text.includes('\u{1F644}')) sarcasm.push(text.includes('/s') ? '/s' : '\u{1F644}');
  if (praise.length > 0 && events.length > 0 && repeats.length > 0 && sarcasm.length === 0) {
    sarcasm = [
      quote(praise[0]!.start, praise[0]!.end),
      quote(events[0]!.start, events[0]!.end),
      quote(repeats[0]!.start, repeats[0]!.end),
    ];
  }
  if (sarcasm.length > 0) {
    for (const words of sarcasm) add('criticism', words);
    for (const o of praise) add('criticism', quoteOccurrence(o), 0);
  } else {
    for (const o of praise) add('praise', quoteOccurrence(o));
  }
  for (const o of turnedPraise) add('criticism', quoteOccurrence(o));
  for (const o of criticism) add('criticism', quoteOccurrence(o));

  // A complaint: a grievance about a specific matter.
  const matters = [...of('matter'), ...events];
  const complaintWords = of('complaint').filter((o) => !o.negated);
  const personal = of('pupils').some((o) => ['my', 'our'].includes(tokens[o.start]!.key));
  const grievance = complaintWords.length > 0 || found.has('criticism') || (events.length > 0 && personal);
  if (grievance && matters.length > 0) {
    for (const o of complaintWords) add('complaint', quoteOccurrence(o));
    for (const o of matters) add('complaint', quoteOccurrence(o), 0.5);
    // A grievance is a negative opinion of the school too.
    for (const o of [...complaintWords, ...events]) add('criticism', quoteOccurrence(o), 0.5);
  }

  // Threats, hate, extremism.
  for (const o of of('threat')) {
    const after = tokens[o.end]?.key;
    if (o.negated || o.cues.includes('notThreat') || after === 'me' || after === 'myself' || after === 'time') continue;
    add('threat', quoteOccurrence(o), 2);
  }
  for (let i = 0; i < tokens.length; i++) {
    for (const split of splitThreats) {
      if (!split.first.includes(tokens[i]!.key)) continue;
      for (let j = i + 2; j <= i + 5 && j < tokens.length; j++) {
        if (tokens[j]!.breakBefore) break;
        if (tokens[j]!.key !== split.last) continue;
        const between = occurrences.filter((o) => o.start > i && o.end <= j);
        const person = between.some(
          (o) => o.cues.includes('person') || o.cues.includes('staffWord') || o.cues.includes('title'),
        );
        if (!split.needsPerson || person) add('threat', quote(i, j + 1), 2);
        break;
      }
    }
  }
  for (const o of of('hate')) add('hate', quote(o.start, o.end), 2);
  for (const o of of('extremism')) add('extremism', quote(o.start, o.end), 2);

  // Bullying: abuse or mockery aimed at someone (a person word within four words, or a named person).
  const personAt = [...of('person'), ...of('title')];
  const named = pupils.length > 0 || namedPeople.length > 0;
  for (const o of of('bullying')) {
    if (o.negated) continue;
    const strong = o.end - o.start > 1;
    const near =
      named ||
      personAt.some((p) => p.start < o.end + 4 && p.end > o.start - 4 && !(p.start >= o.start && p.end <= o.end));
    if (strong || near) add('bullying', quote(o.start, o.end), strong ? 2 : 1);
  }

  // Allegations of wrongdoing by staff or the school, and the same stated as fact about a named person.
  const agents = [
    ...of('staffWord'),
    ...namedPeople,
    ...schoolHits,
    ...of('person').filter((o) => tokens[o.start]!.key === 'they'),
  ];
  const allegations = of('allegation').filter((o) => !o.negated);
  if (allegations.length > 0 && agents.length > 0) {
    for (const o of allegations) add('allegation', quote(o.start, o.end), 1.5);
    const hedged = of('hedge').length > 0 || text.includes('?');
    if (!hedged && namedPeople.length > 0) {
      const person = namedPeople[0]!;
      add('defamation_risk', quote(person.start, person.end));
      for (const o of allegations) add('defamation_risk', quote(o.start, o.end));
    }
  }

  // Photos or video of pupils, attached or offered.
  const photoWords = of('photo').filter((o) => !o.negated);
  if (mention.hasImage === true || photoWords.length > 0) {
    const pupilWords = [...of('pupils').map((o) => quote(o.start, o.end)), ...pupils.map((p) => quote(p.start, p.end))];
    for (let i = 0; i < tokens.length; i++) {
      const width = yearMarkerAt(tokens, i);
      if (width > 0) pupilWords.push(quote(i, i + width));
    }
    if (pupilWords.length > 0) {
      if (mention.hasImage === true) add('pupil_photo', 'image attached');
      for (const o of photoWords) add('pupil_photo', quote(o.start, o.end));
      for (const words of pupilWords) add('pupil_photo', words, 0.5);
    }
  }

  // Accounts pretending to be the school or its staff.
  if (author && !author.official) add('impersonation', `author ${mention.author ?? ''}`, 2);
  for (const o of of('impersonation')) add('impersonation', quote(o.start, o.end));

  // A hostile post does not praise, whatever words it borrows ("celebrating", "well done").
  if (
    found.has('praise') &&
    (found.has('threat') || found.has('hate') || found.has('extremism') || found.has('bullying'))
  )
    found.delete('praise');
  const chosen = labels.filter((label) => found.has(label));
  const evidence: Partial<Record<Label, string[]>> = {};
  const confidence: Partial<Record<Label, number>> = {};
  for (const label of chosen) {
    const entry = found.get(label)!;
    evidence[label] = entry.words;
    confidence[label] = Math.min(0.95, Math.round((0.45 + 0.15 * entry.weight) * 100) / 100);
  }
  return { id: mention.id, aboutSchool: true, labels: chosen, evidence, confidence, schools };
}
