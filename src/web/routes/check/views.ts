// What the check's templates are given: each question's choices as GOV.UK items, the answers
// carried on as hidden fields, and the rows of the check-your-answers page.
import { questionsFor } from '../../../domain/check/journey.ts';
import { type Answers, noneValue, type Question, questions } from '../../../domain/check/questions.ts';

/** Every answer but this page's own, so that the form carries them to the next page. */
function hiddenFields(question: Question, answers: Answers) {
  return Object.entries(answers)
    .filter(([key]) => key !== question.key)
    .flatMap(([name, values]) => values.map((value) => ({ name, value })));
}

export function questionView(question: Question, answers: Answers, error?: string) {
  const title = question.title(answers);
  const chosen = new Set(answers[question.key] ?? []);
  const items =
    question.kind === 'number'
      ? []
      : [
          ...question.options(answers).map((option, index) => ({
            value: option.value,
            text: option.text,
            ...(option.hint && { hint: { text: option.hint } }),
            checked: chosen.has(option.value),
            attributes: { 'data-qa': `choice-${option.value}` },
            ...(index === 0 && { id: question.key }),
          })),
          ...(question.kind === 'checkboxes' && question.none
            ? [
                { divider: 'or' },
                {
                  value: noneValue,
                  text: question.none,
                  behaviour: 'exclusive',
                  checked: chosen.has(noneValue),
                  attributes: { 'data-qa': `choice-${noneValue}` },
                },
              ]
            : []),
        ];
  return {
    pageTitle: error ? `Error: ${title}` : title,
    title,
    hint: question.hint,
    kind: question.kind,
    name: question.key,
    suffix: question.kind === 'number' ? question.suffix : undefined,
    value: answers[question.key]?.[0] ?? '',
    items,
    hidden: [...hiddenFields(question, answers), { name: 'asked', value: question.key }],
    errors: error ? { [question.key]: error } : {},
  };
}

interface Links {
  /** Answers that came from the person's approved declarations: shown as such, with nothing to change. */
  fromRegister?: ReadonlySet<string>;
  /** The journey's questions, when the register adds one. */
  questions?: readonly Question[];
  changeHref: (slug: string) => string;
  backLink: string;
  answerHref: string;
}

/** The words for each answer given, as the check-your-answers page lists them. */
export function answerTexts(question: Question, answers: Answers): string[] {
  const values = answers[question.key] ?? [];
  if (question.kind === 'number') return values.map((v) => `${v} ${question.suffix ?? ''}`.trim());
  const texts = new Map(question.options(answers).map((o) => [o.value, o.text]));
  if (question.none) texts.set(noneValue, question.none);
  return values.map((v) => texts.get(v) ?? v);
}

export function checkYourAnswersView(
  answers: Answers,
  { fromRegister, questions: list = questions, changeHref, backLink, answerHref }: Links,
) {
  const registered = (question: Question) => fromRegister?.has(question.key) === true;
  const rows = questionsFor(answers, list).map((question) => ({
    key: { text: question.label },
    value: {
      text: answerTexts(question, answers).join(', ') + (registered(question) ? ' (from your declarations)' : ''),
    },
    actions: {
      items: [
        {
          href: changeHref(question.slug),
          text: 'Change',
          visuallyHiddenText: question.label.toLowerCase(),
          attributes: { 'data-qa': `change-${question.key}` },
        },
      ].filter(() => !registered(question)),
    },
  }));
  return { pageTitle: 'Check your answers', rows, backLink, answerHref };
}
