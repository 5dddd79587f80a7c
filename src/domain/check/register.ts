// What a signed-in person's own declarations add to "Check the policy". When the question involves
// someone their declarations could be about, the journey asks which of those people it is (or
// someone else), and the chosen declaration alone answers "have you told the school, and is it
// approved?". A declaration about one pupil never answers for another.
import { declaredPeople, type OwnDeclaration } from '../registers/declarations.ts';
import { type Answers, first, type ChoiceQuestion, type Question, questions } from './questions.ts';

/** The page of the "which person" question. */
export const whomSlug = 'which-person';

/** The answer that the person is someone not named on any of one's declarations. */
export const someoneElseValue = 'someone_else';

/** The person's own declarations, and the day that decides whether an approval still holds. */
export interface CheckRegister {
  own: readonly OwnDeclaration[];
  /** YYYY-MM-DD */
  today: string;
}

const declaredQuestion = questions.find((question) => question.key === 'declared')!;

const whomTitles: Readonly<Record<string, string>> = {
  pupil: 'Which pupil is this about?',
  parent: 'Which parent or carer is this about?',
  former_pupil: 'Which former pupil is this about?',
};

const peopleFor = (register: CheckRegister, answers: Answers) =>
  declaredQuestion.asked(answers)
    ? declaredPeople(register.own, first(answers, 'with'), first(answers, 'relationship'), register.today)
    : [];

/** "Which pupil is this about?": asked only when one's declarations name someone it could be. */
export function whomQuestion(register: CheckRegister): ChoiceQuestion {
  return {
    key: 'whom',
    slug: whomSlug,
    kind: 'radios',
    title: (answers) => whomTitles[first(answers, 'with') ?? ''] ?? 'Who is this about?',
    hint: 'These are the people named on your declarations.',
    label: 'Who it is about',
    missing: 'Select who it is about, or that it is someone else',
    asked: (answers) => peopleFor(register, answers).length > 0,
    options: (answers) => [
      ...peopleFor(register, answers).map(({ declaration, name }) => ({ value: declaration.id, text: name })),
      { value: someoneElseValue, text: 'Someone else, not on my declarations' },
    ],
  };
}

/** The journey's questions for someone with declarations: "which person" comes just before "declared". */
export function questionsWithRegister(register: CheckRegister): readonly Question[] {
  const at = questions.indexOf(declaredQuestion);
  return [...questions.slice(0, at), whomQuestion(register), ...questions.slice(at)];
}

/**
 * The questions only the register answers for this person: "declared" whenever "which person" is
 * asked. An answer to them in the address is never taken, even before the person says whom.
 */
export function keysFromRegister(register: CheckRegister, answers: Answers): readonly string[] {
  return peopleFor(register, answers).length > 0 ? [declaredQuestion.key] : [];
}

/**
 * The answers the register gives, once the person has said whom the question is about: the
 * chosen declaration's standing (waiting: declared; approved and in date: approved; declined or
 * past its review: not declared), or not declared for someone else. Empty until then.
 */
export function registerAnswers(register: CheckRegister, answers: Answers): Answers {
  const chosen = first(answers, 'whom');
  if (chosen === undefined) return {};
  const people = peopleFor(register, answers);
  if (people.length === 0) return {};
  if (chosen === someoneElseValue) return { declared: ['no'] };
  const person = people.find(({ declaration }) => declaration.id === chosen);
  return person ? { declared: [person.answer] } : {};
}
