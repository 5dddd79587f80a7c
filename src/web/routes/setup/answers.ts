// The set-up answers, and their checking against the domain's own schemas. Answers are kept in
// three sections, each checked by its schema; a form field is named by its place in them,
// such as "school.address.postcode", so the field, the answer and the schema line up.
import { z } from 'zod';
import { newPersonSchema } from '../../../domain/community/people.ts';
import {
  newOrganisationSchema,
  newSchoolSchema,
  type NewOrganisation,
  type NewSchool,
} from '../../../domain/community/school.ts';

/** The Headteacher, as the set-up asks for them: the account itself comes with sign-in. */
export const headteacherSchema = z.strictObject({
  givenName: newPersonSchema.shape.givenName,
  familyName: newPersonSchema.shape.familyName,
  email: newPersonSchema.shape.email.unwrap(),
});
export type Headteacher = z.infer<typeof headteacherSchema>;

const sections = { organisation: newOrganisationSchema, school: newSchoolSchema, headteacher: headteacherSchema };
type Section = keyof typeof sections;

/** What has been answered so far: every value in it has passed its part of the schema. */
export const answersSchema = z.object({
  organisation: z.record(z.string(), z.unknown()).optional(),
  school: z.record(z.string(), z.unknown()).optional(),
  headteacher: z.record(z.string(), z.unknown()).optional(),
});
export type Answers = z.infer<typeof answersSchema>;

export type Tree = Record<string, unknown>;

export function valueAt(tree: Tree, path: string): unknown {
  let value: unknown = tree;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Tree)[key];
  }
  return value;
}

export function setValueAt(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node = tree;
  for (const key of keys) {
    const next = node[key];
    node = typeof next === 'object' && next !== null ? (next as Tree) : (node[key] = {});
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * The part of the schema that checks a field: the field's own property of its section, such
 * as "school.urn", or the whole object it sits in, such as "school.day", whose rule that the
 * day ends after it starts needs both times.
 */
export function partOf(field: string): string {
  return field.split('.').slice(0, 2).join('.');
}

export function schemaOfPart(part: string): z.ZodType {
  const [section = '', key = ''] = part.split('.');
  const shape: Record<string, z.ZodType> | undefined = sections[section as Section]?.shape;
  const schema = shape?.[key];
  if (!schema) throw new Error(`No schema for the set-up answer "${part}"`);
  return schema;
}

/** Everything the set-up creates, checked again with the full schemas; undefined if anything is missing. */
export function completeAnswers(
  answers: Answers,
): { organisation: NewOrganisation; school: NewSchool; headteacher: Headteacher } | undefined {
  const school = newSchoolSchema.safeParse(answers.school);
  const headteacher = headteacherSchema.safeParse(answers.headteacher);
  if (!school.success || !headteacher.success) return undefined;
  // A school standing alone is its own organisation, under its own name.
  const kind = answers.organisation?.kind;
  const name = kind === 'standalone' ? school.data.name : answers.organisation?.name;
  const organisation = newOrganisationSchema.safeParse({ name, kind });
  if (!organisation.success) return undefined;
  return { organisation: organisation.data, school: school.data, headteacher: headteacher.data };
}
