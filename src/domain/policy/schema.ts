// The policy file format. A school's policy is data: its document control, its sections,
// its rules (who must or must not do what, when, unless what) and its procedures (what
// happens, in order, and who does it, when a rule is broken).
import { z } from 'zod';
import { checkCondition, type ConditionIssue } from './condition.ts';
import { requirementKinds } from './requirements.ts';
import { actions, modalities, owners, roles, topics } from './vocabulary.ts';

const text = z.string().trim().min(1, 'must not be empty');
// YAML reads 2.10 as the number 2.1, so ids and versions that look like numbers need quotes.
const quoted = (example: string) =>
  z.string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? `put it in quotes, e.g. '${example}', so it is kept exactly as written`
        : undefined,
  });
const identifier = quoted('2.10').regex(
  /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  'use letters, digits, dots, dashes or underscores, e.g. A2',
);
const label = quoted('2.1').min(1, 'must not be empty');
// A year on its own (2019) is a whole number in YAML, and safe to turn back into text.
const dateText = z
  .union([z.string(), z.int()])
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'write a date as YYYY-MM-DD (or YYYY-MM, or YYYY)'));
const conditionSchema = z.record(z.string(), z.unknown());

export const policyStatuses = ['draft', 'awaiting_ratification', 'ratified', 'published', 'superseded'] as const;

const requirementSchema = z.union([
  z.enum(requirementKinds),
  z.strictObject({ fact: z.enum(requirementKinds), action: z.enum(actions) }),
]);

export const stepSchema = z.strictObject({
  action: z.enum(actions),
  owner: z.enum(owners),
  /** The policy leaves it to judgement ("the school may…"). */
  optional: z.boolean().default(false),
  /** Only in situations like this one. */
  when: conditionSchema.optional(),
  /** Only if something happens later that a situation cannot tell (e.g. "the parent refuses"). */
  if: text.optional(),
  /** How soon, as an ISO 8601 duration: P1D, P2W, PT4H. */
  deadline: z
    .string()
    .regex(/^P(\d+[DW]|T\d+H)$/, 'write a deadline as P1D (days), P2W (weeks) or PT4H (hours)')
    .optional(),
  summary: text.optional(),
});

const exceptionSchema = z.strictObject({
  id: identifier,
  summary: text,
  when: conditionSchema,
  requires: z.array(requirementSchema).default([]),
});

export const ruleSchema = z.strictObject({
  id: identifier,
  section: identifier,
  topic: z.enum(topics),
  audience: z.array(z.enum(roles)).min(1, 'name at least one role the rule is for'),
  /** Still binds members of staff after they have left (e.g. confidentiality). */
  bindsFormerStaff: z.boolean().default(false),
  modality: z.enum(modalities),
  summary: text,
  /** Where in the school's document the rule comes from. */
  source: text.optional(),
  /** How an ambiguous passage was read, and why. */
  note: text.optional(),
  /** The situations the rule speaks to. A rule without one is guidance no situation can test. */
  when: conditionSchema.optional(),
  unless: z.array(exceptionSchema).default([]),
  requires: z.array(requirementSchema).default([]),
  consequences: z.array(stepSchema).default([]),
});

export const procedureSchema = z.strictObject({
  id: identifier,
  title: text,
  section: identifier.optional(),
  summary: text.optional(),
  source: text.optional(),
  note: text.optional(),
  trigger: z
    .strictObject({ breachOf: z.array(identifier).min(1).optional(), when: conditionSchema.optional() })
    .refine(
      (t) => t.breachOf ?? t.when,
      'say what starts the procedure: breachOf (rule ids), when (a situation), or both',
    ),
  steps: z.array(stepSchema).min(1, 'a procedure needs at least one step'),
});

const sectionSchema = z.strictObject({
  id: identifier,
  heading: text,
  introduction: text.optional(),
});

const historyEntrySchema = z.strictObject({
  version: label,
  date: dateText.optional(),
  amendedBy: text.optional(),
  comments: text.optional(),
});

export const policySchema = z
  .strictObject({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and dashes, e.g. oakfield-primary'),
    title: text,
    issuedTo: z.array(text).min(1, 'name at least one school the policy is issued to'),
    author: text.optional(),
    reviewedBy: text.optional(),
    approvedBy: text.optional(),
    status: z.enum(policyStatuses),
    version: label,
    dates: z
      .strictObject({
        written: dateText.optional(),
        updated: z.array(dateText).default([]),
        ratified: z.array(dateText).default([]),
        published: dateText.optional(),
        reviewDue: dateText.optional(),
      })
      .default({ updated: [], ratified: [] }),
    linkedPolicies: z.array(text).default([]),
    history: z.array(historyEntrySchema).default([]),
    audiences: z.array(z.enum(roles)).min(1, 'name who the policy is for'),
    introduction: text.optional(),
    /** For an encoding of a published document: which document, and how it was read. */
    source: text.optional(),
    sections: z.array(sectionSchema).min(1, 'a policy needs at least one section'),
    rules: z.array(ruleSchema).default([]),
    procedures: z.array(procedureSchema).default([]),
  })
  .superRefine((policy, ctx) => {
    for (const issue of crossCheck(policy)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

type Issue = ConditionIssue;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/**
 * What a schema cannot see field by field: ids used twice, references to sections and rules
 * that do not exist, and mistakes inside conditions. Works on a document that may be invalid
 * elsewhere, so that one reading reports every problem in the file.
 */
export function crossCheck(doc: unknown): Issue[] {
  const issues: Issue[] = [];
  const sections = list(field(doc, 'sections'));
  const rules = list(field(doc, 'rules'));
  const procedures = list(field(doc, 'procedures'));
  const idsOf = (items: unknown[]) => items.map((i) => field(i, 'id')).filter((id) => typeof id === 'string');
  const twice = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  const sectionIds = new Set(idsOf(sections));
  const ruleIds = new Set(idsOf(rules));

  for (const id of twice(idsOf(sections)))
    issues.push({ path: ['sections'], message: `section id ${id} is used twice` });
  for (const id of twice([...idsOf(rules), ...idsOf(procedures)]))
    issues.push({ path: ['rules'], message: `id ${id} is used twice among rules and procedures` });

  const conditionAt = (condition: unknown, path: (string | number)[]) => {
    if (condition !== undefined) issues.push(...checkCondition(condition, undefined, path));
  };
  const stepsAt = (steps: unknown, path: (string | number)[]) =>
    list(steps).forEach((step, i) => conditionAt(field(step, 'when'), [...path, i, 'when']));
  const sectionAt = (item: unknown, path: (string | number)[]) => {
    const section = field(item, 'section');
    if (typeof section === 'string' && !sectionIds.has(section))
      issues.push({ path: [...path, 'section'], message: `there is no section ${section}` });
  };

  rules.forEach((rule, r) => {
    sectionAt(rule, ['rules', r]);
    conditionAt(field(rule, 'when'), ['rules', r, 'when']);
    list(field(rule, 'unless')).forEach((e, i) => conditionAt(field(e, 'when'), ['rules', r, 'unless', i, 'when']));
    stepsAt(field(rule, 'consequences'), ['rules', r, 'consequences']);
  });
  procedures.forEach((procedure, p) => {
    sectionAt(procedure, ['procedures', p]);
    const trigger = field(procedure, 'trigger');
    list(field(trigger, 'breachOf')).forEach((id, i) => {
      if (typeof id === 'string' && !ruleIds.has(id))
        issues.push({ path: ['procedures', p, 'trigger', 'breachOf', i], message: `there is no rule ${id}` });
    });
    conditionAt(field(trigger, 'when'), ['procedures', p, 'trigger', 'when']);
    stepsAt(field(procedure, 'steps'), ['procedures', p, 'steps']);
  });
  return issues;
}

export type Policy = z.output<typeof policySchema>;
export type Rule = Policy['rules'][number];
export type Procedure = Policy['procedures'][number];
export type Step = z.output<typeof stepSchema>;
export type Requirement = z.output<typeof requirementSchema>;
