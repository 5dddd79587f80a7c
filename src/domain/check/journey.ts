// The way through "Check the policy": reading answers, checking one page's answer, which page
// comes next, and the situation the answers describe. Pure: the routes carry the answers.
import { type Situation, situationSchema } from '../policy/situation.ts';
import {
  type Answers,
  type ContextFact,
  first,
  namesPupilsValue,
  negativeToneValue,
  noneValue,
  otherPlatform,
  type Question,
  questions,
} from './questions.ts';

/** Every value of a query string, as the server parses it: one string or several. */
export type Query = Readonly<Record<string, unknown>>;

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/** Whether a value would be a valid answer to the question, given the answers before it. */
function validValues(question: Question, values: readonly string[], answers: Answers): string[] | undefined {
  const trimmed = values.map((v) => v.trim()).filter((v) => v !== '');
  if (trimmed.length === 0) return undefined;
  if (question.kind === 'number') {
    const [text] = trimmed;
    if (trimmed.length !== 1 || !text || !/^\d{1,3}$/.test(text)) return undefined;
    const n = Number(text);
    return n >= question.min && n <= question.max ? [String(n)] : undefined;
  }
  const allowed = new Set(question.options(answers).map((o) => o.value));
  if (question.kind === 'radios') {
    const [value] = trimmed;
    return trimmed.length === 1 && value && allowed.has(value) ? [value] : undefined;
  }
  const unique = [...new Set(trimmed)];
  if (unique.includes(noneValue)) return unique.length === 1 ? [noneValue] : undefined;
  return unique.every((v) => allowed.has(v)) ? unique : undefined;
}

/**
 * The questions asked, given the answers so far. Each function below takes the journey's list of
 * questions: the standard one, or one with a question that a signed-in person's register adds.
 */
export function questionsFor(answers: Answers, list: readonly Question[] = questions): Question[] {
  return list.filter((question) => question.asked(answers));
}

/**
 * The answers in a query string that still mean something: each in turn, valid for the answers
 * before it and for a question those answers ask. A changed answer drops what it made irrelevant.
 */
export function readAnswers(query: Query, list: readonly Question[] = questions): Answers {
  const answers: Record<string, readonly string[]> = {};
  for (const question of list) {
    if (!question.asked(answers)) continue;
    const values = validValues(question, strings(query[question.key]), answers);
    if (values) answers[question.key] = values;
  }
  return answers;
}

export const isAnswered = (question: Question, answers: Answers) => answers[question.key] !== undefined;

export function firstUnanswered(answers: Answers, list: readonly Question[] = questions): Question | undefined {
  return questionsFor(answers, list).find((question) => !isAnswered(question, answers));
}

/** The answer to one page, or what to tell the person when it is missing or wrong. */
export function answerQuestion(
  question: Question,
  query: Query,
  answers: Answers,
  list: readonly Question[] = questions,
): { answers: Answers } | { error: string } {
  const given = strings(query[question.key]);
  const values = validValues(question, given, answers);
  if (!values) {
    const typed = given.some((v) => v.trim() !== '');
    if (!typed) return { error: question.missing };
    if (question.kind === 'number') return { error: question.invalid };
    return {
      error: question.none
        ? `Select ${question.none.toLowerCase()} on its own, or choose from the list`
        : question.missing,
    };
  }
  return { answers: readAnswers({ ...answers, [question.key]: values }, list) };
}

/** The page after this one: the first question still unanswered, or the check of every answer. */
export function nextQuestion(answers: Answers, list: readonly Question[] = questions): Question | undefined {
  return firstUnanswered(answers, list);
}

/** The question before this one among those asked, if any. */
export function previousQuestion(
  question: Question,
  answers: Answers,
  list: readonly Question[] = questions,
): Question | undefined {
  const asked = questionsFor(answers, list);
  const index = asked.indexOf(question);
  return index > 0 ? asked[index - 1] : undefined;
}

/** The answers as a query string, in question order, for a link or a redirect. */
export function answersQuery(
  answers: Answers,
  extra: Record<string, string> = {},
  list: readonly Question[] = questions,
): string {
  const params = new URLSearchParams();
  for (const question of list) for (const value of answers[question.key] ?? []) params.append(question.key, value);
  for (const [name, value] of Object.entries(extra)) params.append(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const yes = (answers: Answers, key: string): boolean | undefined => {
  const value = first(answers, key);
  return value === undefined ? undefined : value === 'yes';
};
const listOf = (answers: Answers, key: string): string[] => (answers[key] ?? []).filter((v) => v !== noneValue);
const withoutUndefined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
const orUndefined = <T extends object>(object: T): T | undefined =>
  Object.keys(object).length === 0 ? undefined : object;

/** The situation that complete answers describe; undefined while any question is unanswered. */
export function situationOf(answers: Answers, list: readonly Question[] = questions): Situation | undefined {
  if (firstUnanswered(answers, list)) return undefined;
  const age = (key: string) => (answers[key] ? Number(first(answers, key)) : undefined);
  const declared = first(answers, 'declared');
  const actor = withoutUndefined({
    role: first(answers, 'role'),
    age: age('your-age'),
    approved: yes(answers, 'approved'),
    credentialsShared: yes(answers, 'credentials'),
    riskAssessed: yes(answers, 'assessed'),
  });
  const counterpart = answers.with
    ? withoutUndefined({
        role: first(answers, 'with'),
        age: age('age'),
        relationship: first(answers, 'relationship'),
        declared: declared === undefined ? undefined : declared !== 'no',
        approved: declared === undefined ? undefined : declared === 'approved',
      })
    : undefined;
  const consent = yes(answers, 'consent');
  const schoolEvent = yes(answers, 'event');
  const images = answers.images
    ? listOf(answers, 'images').map((of) =>
        withoutUndefined({ of, consent: of === 'own_child' ? undefined : consent, schoolEvent }),
      )
    : undefined;
  const about = answers.about ? listOf(answers, 'about').filter((v) => v !== namesPupilsValue) : undefined;
  const labels = answers.content ? listOf(answers, 'content').filter((v) => v !== negativeToneValue) : undefined;
  const content = orUndefined(
    withoutUndefined({
      about,
      images,
      namesPupils: answers.about ? listOf(answers, 'about').includes(namesPupilsValue) : undefined,
      tone: answers.content?.includes(negativeToneValue) ? 'negative' : undefined,
      labels,
      channel: first(answers, 'channel'),
    }),
  );
  const facts = answers.where ? Object.fromEntries(whereFacts(answers)) : {};
  const platform = first(answers, 'platform');
  const context = orUndefined(
    withoutUndefined({
      ...facts,
      platform: platform === otherPlatform ? undefined : platform,
      visibility: first(answers, 'visibility'),
    }),
  );
  const result = situationSchema.safeParse(
    withoutUndefined({ actor, act: first(answers, 'act'), counterpart, content, context }),
  );
  return result.success ? result.data : undefined;
}

/** Every circumstance offered is a fact: ticked, it holds; left unticked, it does not. */
function whereFacts(answers: Answers): [ContextFact, boolean][] {
  const where = questions.find((q) => q.key === 'where');
  if (!where || where.kind === 'number') return [];
  const ticked = new Set(answers.where ?? []);
  return where.options(answers).map((option) => [option.value as ContextFact, ticked.has(option.value)]);
}
