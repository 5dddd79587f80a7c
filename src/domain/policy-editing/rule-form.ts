// The rule form: a rule of the policy as form fields and back. Who, what and how firmly are
// chosen from the vocabulary; when it applies is ticked (the rare rest stays as YAML); what must be
// on record is ticked; what follows a breach is a list of steps, as in a procedure. Exceptions
// have pages of their own, so the rule form keeps them as they are.
import type { Rule } from '../policy/schema.ts';
import { modalities, roles, topics } from '../policy/vocabulary.ts';
import {
  conditionFieldOf,
  conditionFieldOrder,
  conditionValuesFrom,
  conditionValuesOf,
  emptyConditionValues,
  readConditionForm,
  readRequirements,
  requirementValuesOf,
  type ConditionFormValues,
} from './condition-form.ts';
import { isOneOf, listOf, optionalText, textOf, type Errors } from './form-values.ts';
import { readSteps, stepFieldOf, stepRowsOf, stepValuesFrom, type StepFormValues } from './procedure-form.ts';

export interface RuleFormValues extends ConditionFormValues {
  id: string;
  section: string;
  topic: string;
  audience: string[];
  modality: string;
  summary: string;
  bindsFormerStaff: boolean;
  /** What must be on record for it to be allowed (`requires`), as requirement kinds. */
  requires: string[];
  /** What follows a breach, a row a step, posted as step-0-action… */
  consequences: StepFormValues[];
  source: string;
  note: string;
}

/** The order fields appear in, which is the order their errors are listed in (steps come after). */
export const ruleFieldOrder = [
  'id',
  'section',
  'topic',
  'audience',
  'modality',
  'summary',
  'bindsFormerStaff',
  ...conditionFieldOrder,
  'requires',
  'exceptions',
];

/** After the steps that follow a breach. */
export const ruleNoteFields = ['source', 'note'];

export function ruleValuesFrom(body: Record<string, unknown>): RuleFormValues {
  return {
    id: textOf(body, 'id').trim(),
    section: textOf(body, 'section'),
    topic: textOf(body, 'topic'),
    audience: listOf(body, 'audience'),
    modality: textOf(body, 'modality'),
    summary: textOf(body, 'summary'),
    bindsFormerStaff: textOf(body, 'bindsFormerStaff') === 'yes',
    ...conditionValuesFrom(body),
    requires: listOf(body, 'requires'),
    consequences: stepValuesFrom(body),
    source: textOf(body, 'source'),
    note: textOf(body, 'note'),
  };
}

/** The form filled in with a rule as it stands, with an empty row for a new consequence. */
export function ruleValuesOf(rule: Rule): RuleFormValues {
  return {
    id: rule.id,
    section: rule.section,
    topic: rule.topic,
    audience: [...rule.audience],
    modality: rule.modality,
    summary: rule.summary,
    bindsFormerStaff: rule.bindsFormerStaff,
    ...conditionValuesOf(rule.when),
    requires: requirementValuesOf(rule.requires),
    consequences: stepRowsOf(rule.consequences),
    source: rule.source ?? '',
    note: rule.note ?? '',
  };
}

/** A blank rule for a section, with nothing chosen yet. */
export function newRuleValues(section = ''): RuleFormValues {
  return {
    id: '',
    section,
    topic: '',
    audience: [],
    modality: '',
    summary: '',
    bindsFormerStaff: false,
    ...emptyConditionValues(),
    requires: [],
    consequences: stepRowsOf([]),
    source: '',
    note: '',
  };
}

/**
 * The rule the form describes, or what to fix in each field. The rule is checked here only as far
 * as the form can tell; the whole draft is checked again before it is saved.
 */
export function readRuleForm(
  values: RuleFormValues,
  base?: Rule,
): { ok: true; rule: Rule } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  if (values.section === '') errors.section = 'Choose the section the rule belongs to';
  if (!isOneOf(topics, values.topic)) errors.topic = 'Choose the topic the rule is about';
  if (values.audience.length === 0) errors.audience = 'Select at least one group of people the rule is for';
  else if (!values.audience.every((role) => isOneOf(roles, role)))
    errors.audience = 'Select the people the rule is for from the list';
  if (!isOneOf(modalities, values.modality))
    errors.modality = 'Choose whether they must, must not, should, should not or may do it';
  if (values.summary.trim() === '') errors.summary = 'Enter the rule in your school’s own words';
  const when = readConditionForm(values, base?.when);
  if (!when.ok) Object.assign(errors, when.errors);
  const requires = readRequirements(values.requires, base?.requires);
  if (!requires.ok) errors.requires = requires.message;
  const consequences = readSteps(values.consequences, errors);
  if (Object.keys(errors).length > 0 || !when.ok || !requires.ok) return { ok: false, errors };

  // Boxes come back in the order of the page; roles the rule already had keep their order.
  const had: string[] = base?.audience ?? [];
  const audience = [
    ...had.filter((r) => values.audience.includes(r)),
    ...values.audience.filter((r) => !had.includes(r)),
  ];
  const rule = {
    id: values.id,
    section: values.section,
    topic: values.topic,
    audience,
    bindsFormerStaff: values.bindsFormerStaff,
    modality: values.modality,
    summary: values.summary.trim(),
    ...(optionalText(values.source) && { source: optionalText(values.source) }),
    ...(optionalText(values.note) && { note: optionalText(values.note) }),
    ...(Object.keys(when.condition).length > 0 && { when: when.condition }),
    unless: base?.unless ?? [],
    requires: requires.requires,
    consequences,
  } as Rule;
  return { ok: true, rule };
}

/**
 * Which field of the rule form a problem found in the whole draft belongs to, from its path
 * inside the rule ("summary", "when.act", "consequences.0.owner"). Consequences are numbered as
 * saved, which leaves out removed and blank rows, so `rowOf` maps them back to their rows.
 */
export function ruleFieldOf(path: readonly string[], rowOf: (step: number) => number = (s) => s): string {
  const [first = '', second = ''] = path;
  if (first === 'when') return second === '' ? 'conditions' : conditionFieldOf(second);
  if (first === 'consequences') return stepFieldOf(path.slice(1), rowOf);
  if (first === 'unless') return 'exceptions';
  return ruleFieldOrder.includes(first) || ruleNoteFields.includes(first) ? first : 'summary';
}
