// Which question comes when, and the checking of one page's answers with its parts of the
// domain schemas. Pure: the routes read and keep the answers.
import { type Answers, partOf, schemaOfPart, setValueAt, type Tree, valueAt } from './answers.ts';
import { type Field, type Question, questions } from './questions.ts';

export const checkPage = '/setup/check-your-answers';

/** What a page's form holds, by field name, exactly as typed. */
export type FormValues = Record<string, string>;

export interface FieldError {
  field: string;
  message: string;
}

export const pageOf = (question: Question) => `/setup/${question.path}`;

/** The questions asked, given the answers so far (the trust's name is not asked of a school standing alone). */
export function questionsFor(answers: Answers): Question[] {
  return questions.filter((question) => question.appliesTo?.(answers) ?? true);
}

function partsOf(question: Question): string[] {
  return [...new Set(question.fields.map((field) => partOf(field.name)))];
}

export function isAnswered(question: Question, answers: Answers): boolean {
  return partsOf(question).every((part) => schemaOfPart(part).safeParse(valueAt(answers, part)).success);
}

export function firstUnanswered(answers: Answers): Question | undefined {
  return questionsFor(answers).find((question) => !isAnswered(question, answers));
}

/** Where to go instead, when this question is not asked or an earlier one is still unanswered. */
export function detour(question: Question, answers: Answers): string | undefined {
  const asked = questionsFor(answers);
  const index = asked.indexOf(question);
  const unanswered = (index === -1 ? asked : asked.slice(0, index)).find((earlier) => !isAnswered(earlier, answers));
  if (index !== -1 && !unanswered) return undefined;
  return unanswered ? pageOf(unanswered) : checkPage;
}

export function pageAfter(question: Question, answers: Answers): string {
  const asked = questionsFor(answers);
  const next = asked[asked.indexOf(question) + 1];
  return next ? pageOf(next) : checkPage;
}

/** Back to the question before, or to the start page from the first. */
export function pageBefore(question: Question, answers: Answers): string {
  const asked = questionsFor(answers);
  const previous = asked[asked.indexOf(question) - 1];
  return previous ? pageOf(previous) : '/';
}

/** After a change from the check page: any question the change opened up, else the check page. */
export function pageAfterChange(answers: Answers): string {
  const unanswered = firstUnanswered(answers);
  return unanswered ? `${pageOf(unanswered)}?from=check` : checkPage;
}

/** The page's fields from a posted form; anything else it carries is ignored. */
export function postedValues(question: Question, body: unknown): FormValues {
  const posted: Tree = typeof body === 'object' && body !== null ? (body as Tree) : {};
  return Object.fromEntries(
    question.fields.map(({ name }) => {
      const value = posted[name];
      return [name, typeof value === 'string' ? value : ''];
    }),
  );
}

/** What the page shows before anything is posted: the answers given, or its suggestions. */
export function shownValues(question: Question, answers: Answers): FormValues {
  const values: FormValues = { ...question.suggest?.(answers) };
  for (const { name } of question.fields) {
    const value = valueAt(answers, name);
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** The answers with this page's added, or what is wrong with each field, in the page's order. */
export function answerPage(
  question: Question,
  values: FormValues,
  answers: Answers,
): { answers: Answers } | { errors: FieldError[] } {
  const input: Tree = {};
  for (const field of question.fields) {
    const text = (values[field.name] ?? '').trim();
    const tidied = field.tidy ? field.tidy(text) : text;
    setValueAt(input, field.name, field.optional && tidied === '' ? undefined : tidied);
  }
  const updated: Answers = structuredClone(answers);
  const messages = new Map<string, string>();
  let changed = false;
  for (const part of partsOf(question)) {
    const result = schemaOfPart(part).safeParse(valueAt(input, part));
    if (result.success) {
      changed ||= JSON.stringify(valueAt(answers, part)) !== JSON.stringify(result.data);
      setValueAt(updated, part, result.data);
      continue;
    }
    // A rule across fields (the day ends after it starts) means something only once each is valid.
    const ownIssues = result.error.issues.filter((issue) => issue.code !== 'custom');
    for (const issue of ownIssues.length > 0 ? ownIssues : result.error.issues) {
      const name = [part, ...issue.path.map(String)].join('.');
      // An issue about the whole part (none is expected) belongs to its first field.
      const field =
        question.fields.find((candidate) => candidate.name === name) ??
        question.fields.find((candidate) => partOf(candidate.name) === part);
      if (field && !messages.has(field.name)) {
        messages.set(field.name, messageFor(field, values[field.name] ?? '', issue.message, answers));
      }
    }
  }
  if (messages.size > 0) {
    return {
      errors: question.fields.flatMap(({ name }) => {
        const message = messages.get(name);
        return message === undefined ? [] : [{ field: name, message }];
      }),
    };
  }
  if (changed) for (const path of question.resets ?? []) setValueAt(updated, path, undefined);
  return { answers: updated };
}

function messageFor(field: Field, typed: string, fromSchema: string, answers: Answers): string {
  if (typed.trim() === '' && field.missing) {
    return typeof field.missing === 'string' ? field.missing : field.missing(answers);
  }
  return field.invalid ?? fromSchema;
}
