// The forms for the document's own details and for a section: the text typed, and back.
import type { Policy } from '../policy/schema.ts';
import type { DocumentDetails } from './edits.ts';
import { optionalText, textOf, type Errors } from './form-values.ts';

export interface DetailsFormValues {
  title: string;
  author: string;
  reviewedBy: string;
  approvedBy: string;
  /** One linked policy a line. */
  linkedPolicies: string;
  introduction: string;
}

export const detailsFieldOrder = ['title', 'author', 'reviewedBy', 'approvedBy', 'linkedPolicies', 'introduction'];

export function detailsValuesFrom(body: Record<string, unknown>): DetailsFormValues {
  return Object.fromEntries(
    detailsFieldOrder.map((name) => [name, textOf(body, name)]),
  ) as unknown as DetailsFormValues;
}

export function detailsValuesOf(policy: Policy): DetailsFormValues {
  return {
    title: policy.title,
    author: policy.author ?? '',
    reviewedBy: policy.reviewedBy ?? '',
    approvedBy: policy.approvedBy ?? '',
    linkedPolicies: policy.linkedPolicies.join('\n'),
    introduction: policy.introduction ?? '',
  };
}

export function readDetailsForm(
  values: DetailsFormValues,
): { ok: true; details: DocumentDetails } | { ok: false; errors: Errors } {
  if (values.title.trim() === '') return { ok: false, errors: { title: 'Enter the title of the policy' } };
  return {
    ok: true,
    details: {
      title: values.title.trim(),
      author: optionalText(values.author),
      reviewedBy: optionalText(values.reviewedBy),
      approvedBy: optionalText(values.approvedBy),
      linkedPolicies: values.linkedPolicies
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      introduction: optionalText(values.introduction.replace(/\r\n/g, '\n')),
    },
  };
}

export interface SectionFormValues {
  id: string;
  heading: string;
  introduction: string;
}

export const sectionFieldOrder = ['id', 'heading', 'introduction'];

export function sectionValuesFrom(body: Record<string, unknown>): SectionFormValues {
  return {
    id: textOf(body, 'id').trim(),
    heading: textOf(body, 'heading'),
    introduction: textOf(body, 'introduction'),
  };
}

export function sectionValuesOf(section: Policy['sections'][number]): SectionFormValues {
  return { id: section.id, heading: section.heading, introduction: section.introduction ?? '' };
}

export function readSectionForm(
  values: SectionFormValues,
): { ok: true; section: Policy['sections'][number] } | { ok: false; errors: Errors } {
  if (values.heading.trim() === '') return { ok: false, errors: { heading: 'Enter the section’s heading' } };
  const introduction = optionalText(values.introduction.replace(/\r\n/g, '\n'));
  return {
    ok: true,
    section: { id: values.id, heading: values.heading.trim(), ...(introduction && { introduction }) },
  };
}
