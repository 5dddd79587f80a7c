// The question put to a policy: something a member of the school community did or wants to do.
// Mirrors the evaluation contract's situation schema field for field.
import { z } from 'zod';
import {
  accountKinds,
  acts,
  channels,
  contentLabels,
  imageSubjects,
  relationships,
  roles,
  subjects,
  tones,
  visibilities,
} from './vocabulary.ts';

const age = z.int().min(0).max(120);

// The metadata carries the rule into the JSON Schema, which a refinement alone cannot.
const uniqueList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .refine((list) => new Set(list).size === list.length, { message: 'must not list the same value twice' })
    .meta({ uniqueItems: true });

export const actorSchema = z.strictObject({
  role: z.enum(roles),
  age: age.optional(),
  formerEmployee: z.boolean().optional(),
  approved: z.boolean().optional(),
  credentialsShared: z.boolean().optional(),
  riskAssessed: z.boolean().optional(),
});

export const counterpartSchema = z.strictObject({
  role: z.enum(roles),
  age: age.optional(),
  relationship: z.enum(relationships).optional(),
  declared: z.boolean().optional(),
  approved: z.boolean().optional(),
  account: z.enum(accountKinds).optional(),
});

export const imageSchema = z.strictObject({
  of: z.enum(imageSubjects),
  consent: z.boolean().optional(),
  schoolEvent: z.boolean().optional(),
});

export const contentSchema = z.strictObject({
  about: uniqueList(z.enum(subjects)).optional(),
  images: z.array(imageSchema).optional(),
  namesPupils: z.boolean().optional(),
  tone: z.enum(tones).optional(),
  labels: uniqueList(z.enum(contentLabels)).optional(),
  channel: z.enum(channels).optional(),
});

export const contextSchema = z.strictObject({
  onPremises: z.boolean().optional(),
  workingHours: z.boolean().optional(),
  inLesson: z.boolean().optional(),
  onSchoolDevice: z.boolean().optional(),
  onSchoolTrip: z.boolean().optional(),
  directedByTeacher: z.boolean().optional(),
  emergency: z.boolean().optional(),
  outsideSchool: z.boolean().optional(),
  platform: z.string().max(64).optional(),
  visibility: z.enum(visibilities).optional(),
});

export const situationSchema = z.strictObject({
  actor: actorSchema,
  act: z.enum(acts),
  counterpart: counterpartSchema.optional(),
  content: contentSchema.optional(),
  context: contextSchema.optional(),
});

export type Situation = z.infer<typeof situationSchema>;
export type Image = z.infer<typeof imageSchema>;
