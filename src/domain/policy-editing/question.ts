// "Try a question" on the draft: the editor picks who, what, and the few details that most often
// decide an answer, and the engine answers from the draft as it stands.
import { situationSchema, type Situation } from '../policy/situation.ts';
import { contentLabels } from '../policy/vocabulary.ts';
import type { Verdict } from '../policy/outcome.ts';
import { isOneOf, listOf, textOf, type Errors } from './form-values.ts';

export interface QuestionValues {
  role: string;
  act: string;
  otherRole: string;
  otherAge: string;
  labels: string[];
  places: string[];
}

/** Yes-or-no facts about where and when, ticked as boxes. */
export const placeFacts = [
  'onPremises',
  'workingHours',
  'onSchoolTrip',
  'emergency',
] as const satisfies readonly (keyof NonNullable<Situation['context']>)[];

export function questionValuesFrom(query: Record<string, unknown>): QuestionValues {
  return {
    role: textOf(query, 'role'),
    act: textOf(query, 'act'),
    otherRole: textOf(query, 'otherRole'),
    otherAge: textOf(query, 'otherAge').trim(),
    labels: listOf(query, 'labels'),
    places: listOf(query, 'places'),
  };
}

/** Whether the editor asked anything yet (the page opens with the form empty). */
export const asked = (values: QuestionValues) => values.role !== '' || values.act !== '';

export function readQuestion(
  values: QuestionValues,
): { ok: true; situation: Situation } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  if (values.otherAge !== '' && !/^\d{1,3}$/.test(values.otherAge))
    errors.otherAge = 'Enter the other person’s age in years, such as 14, or leave it blank';
  const labels = values.labels.filter((label) => isOneOf(contentLabels, label));
  const places = values.places.filter((place) => isOneOf(placeFacts, place));
  const candidate = {
    actor: { role: values.role },
    act: values.act,
    ...(values.otherRole !== '' && {
      counterpart: { role: values.otherRole, ...(values.otherAge !== '' && { age: Number(values.otherAge) }) },
    }),
    ...(labels.length > 0 && { content: { labels: [...new Set(labels)] } }),
    ...(places.length > 0 && { context: Object.fromEntries(places.map((place) => [place, true])) }),
  };
  const read = situationSchema.safeParse(candidate);
  if (!read.success) {
    for (const issue of read.error.issues) {
      const [first, second] = issue.path.map(String);
      if (first === 'actor') errors.role ??= 'Choose who is doing it';
      else if (first === 'act') errors.act ??= 'Choose what they do';
      else if (first === 'counterpart' && second === 'age') errors.otherAge ??= 'Enter an age between 0 and 120';
      else if (first === 'counterpart') errors.otherRole ??= 'Choose who the other person is';
    }
  }
  if (Object.keys(errors).length > 0 || !read.success) return { ok: false, errors };
  return { ok: true, situation: read.data };
}

export const verdictWords: Readonly<Record<Verdict, { title: string; text: string }>> = {
  breach: { title: 'Not allowed', text: 'This would break a rule the school says must be kept.' },
  advised_against: { title: 'Advised against', text: 'The policy advises against this, though no rule forbids it.' },
  permitted: { title: 'Allowed', text: 'Rules of the policy speak to this, and none is broken.' },
  not_covered: { title: 'Not covered', text: 'No rule of the draft speaks to this situation.' },
};
