// Where each problem with a draft is, as a link to the form that fixes it, and the words in
// [square brackets] that a school adopting the model still has to replace.
import type { Policy } from '../policy/schema.ts';
import { detailsFieldOrder } from './document-forms.ts';
import { exceptionFieldOf } from './exception-form.ts';
import { procedureFieldOf } from './procedure-form.ts';
import { ruleFieldOf } from './rule-form.ts';

export interface DraftProblem {
  /** Where in the policy, as "rules.3.summary". */
  path: string;
  message: string;
}

export interface PlacedProblem {
  message: string;
  /** The form to fix it on, with the field as its fragment. */
  href: string;
  /** Which part of the policy, in words: "Rule A2", "Section B", "The policy's details". */
  place: string;
}

const detailsPlaces: Readonly<Record<string, string>> = {
  title: 'The title',
  author: 'The author',
  reviewedBy: 'Reviewed by',
  approvedBy: 'Approved by',
  linkedPolicies: 'Linked policies',
  introduction: 'The introduction',
};

const idAt = (list: unknown, index: string): string | undefined => {
  const item: unknown = Array.isArray(list) ? list[Number(index)] : undefined;
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
};

/** The page and field where the part of the policy at `path` is changed. */
export function placeOf(
  policy: Pick<Policy, 'sections' | 'rules' | 'procedures'>,
  path: string,
): Omit<PlacedProblem, 'message'> {
  const [list = '', index = '', ...rest] = path.split('.');
  // Condition fields have dots in their names ("counterpart.role"); join them back.
  const inside = rest.length > 1 && rest[0] === 'when' ? ['when', rest.slice(1).join('.')] : rest;
  if (list === 'rules') {
    const id = idAt(policy.rules, index);
    const exception = rest[0] === 'unless' && id ? idAt(policy.rules[Number(index)]?.unless, rest[1] ?? '') : undefined;
    if (id && exception) {
      const within = rest.slice(2);
      const field = exceptionFieldOf(
        within.length > 1 && within[0] === 'when' ? ['when', within.slice(1).join('.')] : within,
      );
      return {
        href: `/policy/draft/rules/${encodeURIComponent(id)}/exceptions/${encodeURIComponent(exception)}#${field}`,
        place: `Rule ${id}, exception ${exception}`,
      };
    }
    if (id)
      return { href: `/policy/draft/rules/${encodeURIComponent(id)}#${ruleFieldOf(inside)}`, place: `Rule ${id}` };
  }
  if (list === 'procedures') {
    const id = idAt(policy.procedures, index);
    if (id)
      return {
        href: `/policy/draft/procedures/${encodeURIComponent(id)}#${procedureFieldOf(inside)}`,
        place: `Procedure ${id}`,
      };
  }
  if (list === 'sections') {
    const id = idAt(policy.sections, index);
    const field = rest[0] === 'introduction' ? 'introduction' : 'heading';
    if (id) return { href: `/policy/draft/sections/${encodeURIComponent(id)}#${field}`, place: `Section ${id}` };
  }
  const field = detailsFieldOrder.includes(list) ? `#${list}` : '';
  return { href: `/policy/draft/details${field}`, place: detailsPlaces[list] ?? 'The policy’s details' };
}

export function placeProblems(
  policy: Pick<Policy, 'sections' | 'rules' | 'procedures'>,
  problems: readonly DraftProblem[],
): PlacedProblem[] {
  return problems.map((problem) => ({ ...placeOf(policy, problem.path), message: problem.message }));
}

const placeholder = /\[[^\]\n]{2,}\]/g;

/** Each [placeholder] left in the policy's words, at the field it is in. */
export function placeholderProblems(policy: Policy): DraftProblem[] {
  const found: DraftProblem[] = [];
  const look = (path: string, text: string | undefined) => {
    for (const match of (text ?? '').matchAll(placeholder))
      found.push({ path, message: `Replace “${match[0]}” with your school’s own words` });
  };
  look('title', policy.title);
  for (const field of ['author', 'reviewedBy', 'approvedBy', 'introduction'] as const) look(field, policy[field]);
  policy.linkedPolicies.forEach((linked) => look('linkedPolicies', linked));
  policy.sections.forEach((section, i) => {
    look(`sections.${i}.heading`, section.heading);
    look(`sections.${i}.introduction`, section.introduction);
  });
  policy.rules.forEach((rule, i) => look(`rules.${i}.summary`, rule.summary));
  policy.procedures.forEach((procedure, i) => {
    look(`procedures.${i}.title`, procedure.title);
    look(`procedures.${i}.summary`, procedure.summary);
    procedure.steps.forEach((step, s) => look(`procedures.${i}.steps.${s}.summary`, step.summary));
  });
  return found;
}
