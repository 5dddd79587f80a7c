// Conditions in plain English: {act: friend_request_accept, counterpart.role: [pupil, former_pupil],
// counterpart.age: {below: 16}} reads "accepting a friend request from a pupil or former pupil under 16".
import type { Condition } from '../condition.ts';
import type { Field } from '../field-kinds.ts';
import { fieldIn } from '../read-field.ts';
import { imageFields, situationFields } from '../situation-fields.ts';
import { describeActs } from './describe-acts.ts';
import { numberWords, oppositeTest } from './condition-words.ts';
import { joinWords } from './words.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function describeCondition(condition: Condition | undefined): string {
  return describe(condition).text;
}

/** The condition as the opening of a sentence: "In cases of posting …" or "On the school premises". */
export function describeCircumstance(condition: Condition): string {
  const { text, hasSubject } = describe(condition);
  return hasSubject ? `in cases of ${text}` : text;
}

/** `underSubject`: the enclosing condition already says what is done, so a bare test needs no "a post". */
function describe(condition: Condition | undefined, underSubject = false): { text: string; hasSubject: boolean } {
  if (!condition || Object.keys(condition).length === 0) return { text: 'any situation', hasSubject: true };
  let actor: string | undefined;
  let other: string | undefined;
  let acts: unknown;
  const actorDetails: string[] = [];
  const otherDetails: string[] = [];
  // Nested conditions are described once we know whether this one names what is done.
  const details: ((hasHead: boolean) => { text: string; hasSubject: boolean })[] = [];
  const negations: Condition[] = [];
  let aboutContent = false;
  for (const [key, value] of Object.entries(condition).map(pushNotInwards)) {
    if (key === 'act') acts = value;
    else if (key === 'actor.role') actor = describeValue(key, value);
    else if (key === 'counterpart.role') other = describeValue(key, value);
    else if (fieldOf(key)?.ofPerson && key.startsWith('actor.')) actorDetails.push(describeValue(key, value));
    else if (fieldOf(key)?.ofPerson && key.startsWith('counterpart.')) otherDetails.push(describeValue(key, value));
    else if (key === 'any' || key === 'all') {
      details.push((hasHead) => {
        const parts = (value as Condition[]).map((c) => describe(c, hasHead));
        const texts = parts.map((p) => p.text);
        const text = key === 'any' ? joinClauses(texts, 'or') : joinWords(texts, 'and');
        return { text, hasSubject: parts.some((p) => p.hasSubject) };
      });
    } else if (key === 'not') negations.push(value as Condition);
    else {
      aboutContent ||= key.startsWith('content.');
      const text = describeValue(key, value);
      details.push(() => ({ text, hasSubject: false }));
    }
  }
  const person = (noun: string | undefined, extra: string[]) =>
    noun || extra.length > 0 ? [noun ?? 'someone', ...extra].join(' ') : undefined;
  const who = person(actor, actorDetails);
  const whom = person(other, otherDetails);
  const doing =
    acts !== undefined
      ? (describeActs(acts, whom) ?? describeValue('act', acts))
      : whom
        ? `involving ${whom}`
        : undefined;
  const head = who || doing ? [who, doing] : aboutContent && !underSubject ? ['a post'] : [];
  const hasHead = head.length > 0 || underSubject;
  const described = details.map((d) => d(hasHead));
  const parts = [...head, ...described.map((d) => d.text)].filter((p): p is string => Boolean(p));
  const hasSubject = head.length > 0 || described.some((d) => d.hasSubject);
  const negated = joinWords(
    negations.map((n) => describe(n, true).text),
    'or',
  );
  if (parts.length === 0 && negations.length > 0) return { text: `anything other than ${negated}`, hasSubject: true };
  if (negations.length > 0) parts.push(`but not ${negated}`);
  return { text: parts.join(' '), hasSubject };
}

// ---------------------------------------------------------------- one field's test

// The tests inside `some:` name a photo's fields, which no situation field shares a name with.
const fieldOf = (name: string): Field | undefined => fieldIn(situationFields, name) ?? fieldIn(imageFields, name);

function describeValue(name: string, test: unknown, negated = false): string {
  if (!isRecord(test)) return describeValues(name, [test].flat(), negated, 'or');
  const parts = Object.entries(test).map(([op, operand]) => describeTest(name, op, operand, negated));
  // Not (a and b) is (not a) or (not b).
  return joinWords(parts, negated ? 'or' : 'and');
}

function describeTest(name: string, op: string, operand: unknown, negated: boolean): string {
  const number = numberWords[negated ? (oppositeTest[op] ?? op) : op];
  if (number) return number(operand as number);
  switch (op) {
    case 'not':
      return describeValue(name, operand, !negated);
    case 'anyOf':
      return describeValues(name, operand as unknown[], negated, 'or');
    case 'allOf':
      return describeValues(name, operand as unknown[], negated, 'and');
    case 'present':
      return `where ${fieldLabel(name)} is ${operand !== negated ? 'given' : 'not given'}`;
    case 'some':
      return `${negated ? 'without' : 'with'} a photo ${describe(operand as Condition).text}`.trim();
    default:
      return `${fieldLabel(name)} ${op} ${JSON.stringify(operand)}`;
  }
}

function describeValues(name: string, values: unknown[], negated: boolean, conjunction: 'and' | 'or'): string {
  const field = fieldOf(name);
  switch (field?.kind) {
    case 'yes_no': {
      const { yes, no } = field.words;
      return joinWords(
        values.map((v) => ((v === true) !== negated ? yes : no)),
        'or',
      );
    }
    case 'choice':
    case 'choices':
    case 'text': {
      const { words } = field;
      const names = values.map((v) => words.name(String(v)));
      const list = joinWords(words.shareArticle ? dropRepeatedArticles(names) : names, conjunction);
      if (negated) return words.negated(list);
      return words.frame?.(list) ?? list;
    }
    case 'number':
      return `${negated ? 'not ' : ''}aged ${joinWords(values.map(String), conjunction)}`;
    case 'images':
    case undefined:
      return `${negated ? 'not ' : ''}${joinWords(values.map(String), conjunction)}`;
  }
}

/** `not: {field: test}` reads better as the field's own negation: "when there is no emergency". */
function pushNotInwards([key, value]: [string, unknown]): [string, unknown] {
  if (key !== 'not' || !isRecord(value)) return [key, value];
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length !== 1 || !only || ['any', 'all', 'not'].includes(only[0])) return [key, value];
  return [only[0], { not: only[1] }];
}

/** Clauses that have lists of their own inside are set apart with commas. */
function joinClauses(parts: string[], conjunction: 'and' | 'or'): string {
  if (parts.length < 2 || !parts.some((p) => / (or|and) |,/.test(p))) return joinWords(parts, conjunction);
  return `${parts.slice(0, -1).join(', ')}, ${conjunction} ${parts[parts.length - 1]}`;
}

/** "a pupil or a former pupil" reads better as "a pupil or former pupil". */
function dropRepeatedArticles(nouns: string[]): string[] {
  const article = /^(a|an) /;
  if (!nouns.every((n) => article.test(n))) return nouns;
  return nouns.map((n, i) => (i === 0 ? n : n.replace(article, '')));
}

const fieldLabel = (name: string): string => fieldOf(name)?.label ?? name;
