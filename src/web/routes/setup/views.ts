// What the set-up's templates are given: the words for each choice, and each page's model.
import type { FastifyReply } from 'fastify';
import type { OrganisationKind, Phase } from '../../../domain/community/school.ts';
import { AppError } from '../../../errors.ts';
import type { Answers } from './answers.ts';
import { checkPage, type FieldError, type FormValues, pageBefore, pageOf, questionsFor } from './journey.ts';
import { type Question, questions } from './questions.ts';

export const kindLabels: Record<OrganisationKind, string> = {
  trust: 'Part of a multi-academy trust',
  local_authority: 'Maintained by a local authority',
  standalone: 'Stands alone',
};

const kindHints: Partial<Record<OrganisationKind, string>> = {
  local_authority: 'Such as a community, foundation or voluntary school',
  standalone: 'Such as a single-academy trust or an independent school',
};

export const phaseLabels: Record<Phase, string> = {
  nursery: 'Nursery',
  infant: 'Infant',
  junior: 'Junior',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  all_through: 'All-through',
  special: 'Special',
  alternative_provision: 'Alternative provision',
};

const choices = {
  kinds: Object.entries(kindLabels).map(([value, text]) => ({
    value,
    text,
    hint: { text: kindHints[value as OrganisationKind] },
    attributes: { 'data-qa': `kind-${value}` },
  })),
  phases: Object.entries(phaseLabels).map(([value, text]) => ({
    value,
    text,
    attributes: { 'data-qa': `phase-${value}` },
  })),
};

/** The id of a field's input (or first radio), which the error summary links to. */
export const fieldId = (name: string) => name.replaceAll('.', '-');

export interface QuestionState {
  values: FormValues;
  errors: readonly FieldError[];
  /** Reached by a "Change" link from the check page, and going back there. */
  change: boolean;
}

export function questionView(question: Question, answers: Answers, { values, errors, change }: QuestionState) {
  const title = question.title(answers);
  return {
    pageTitle: errors.length > 0 ? `Error: ${title}` : title,
    title,
    question: question.path,
    formAction: `/setup/${question.path}${change ? '?from=check' : ''}`,
    backLink: change ? checkPage : pageBefore(question, answers),
    values,
    errors: Object.fromEntries(errors.map((error) => [error.field, error.message])),
    errorList: errors.map((error) => ({ text: error.message, href: `#${fieldId(error.field)}` })),
    choices,
  };
}

export function checkView(answers: Answers) {
  const last = questionsFor(answers).at(-1);
  return {
    pageTitle: 'Check your answers before setting up Footprint',
    backLink: last ? pageOf(last) : '/setup',
    answers,
    kindLabels,
    phaseLabels,
    change: Object.fromEntries(questions.map((question) => [question.path, `/setup/${question.path}?from=check`])),
  };
}

export function alreadySetUpView() {
  const { title, message } = new AppError('already_set_up');
  return { pageTitle: title, title, message };
}

/** A set-up page: never cached, since it shows what someone typed. */
export async function render(reply: FastifyReply, template: string, model: object, status = 200) {
  const html = await reply.viewAsync(template, model);
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}
