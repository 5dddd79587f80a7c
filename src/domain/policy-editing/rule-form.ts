// The rule form: a rule of the policy as form fields and back. Who, what and how firmly are
// chosen from the vocabulary; the acts and the other person's role are ticked; whatever else the
// rule's conditions say stays in a YAML box, read back and checked when the form is saved.
import { stringify } from 'yaml';
import type { Rule } from '../policy/schema.ts';
import { acts, modalities, roles, topics } from '../policy/vocabulary.ts';
import {
  isOneOf,
  listOf,
  oneOrList,
  optionalText,
  plainValues,
  readYamlMapping,
  textOf,
  type Errors,
} from './form-values.ts';

export interface RuleFormValues {
  id: string;
  section: string;
  topic: string;
  audience: string[];
  modality: string;
  summary: string;
  bindsFormerStaff: boolean;
  /** What is done (the condition's `act`). */
  acts: string[];
  /** Who the other person is (the condition's `counterpart.role`). */
  otherRoles: string[];
  /** The rest of `when`, and `unless`, `requires` and `consequences`, as YAML. */
  conditions: string;
  source: string;
  note: string;
}

/** The parts of a rule the YAML box may hold. */
export const conditionKeys = ['when', 'unless', 'requires', 'consequences'] as const;

/** The order fields appear in, which is the order their errors are listed in. */
export const ruleFieldOrder = [
  'id',
  'section',
  'topic',
  'audience',
  'modality',
  'summary',
  'bindsFormerStaff',
  'acts',
  'otherRoles',
  'conditions',
  'source',
  'note',
];

export function ruleValuesFrom(body: Record<string, unknown>): RuleFormValues {
  return {
    id: textOf(body, 'id').trim(),
    section: textOf(body, 'section'),
    topic: textOf(body, 'topic'),
    audience: listOf(body, 'audience'),
    modality: textOf(body, 'modality'),
    summary: textOf(body, 'summary'),
    bindsFormerStaff: textOf(body, 'bindsFormerStaff') === 'yes',
    acts: listOf(body, 'acts'),
    otherRoles: listOf(body, 'otherRoles'),
    conditions: textOf(body, 'conditions'),
    source: textOf(body, 'source'),
    note: textOf(body, 'note'),
  };
}

/** The form filled in with a rule as it stands. */
export function ruleValuesOf(rule: Rule): RuleFormValues {
  const when: Record<string, unknown> = { ...rule.when };
  // Only plain lists of acts and roles are offered as boxes; a test such as `not:` stays in the YAML.
  const ticked = (key: string) => {
    const values = plainValues(when[key]);
    if (values) delete when[key];
    return values ?? [];
  };
  const chosenActs = ticked('act');
  const otherRoles = ticked('counterpart.role');
  return {
    id: rule.id,
    section: rule.section,
    topic: rule.topic,
    audience: [...rule.audience],
    modality: rule.modality,
    summary: rule.summary,
    bindsFormerStaff: rule.bindsFormerStaff,
    acts: chosenActs,
    otherRoles,
    conditions: conditionsYaml({ ...rule, when: Object.keys(when).length > 0 ? when : undefined }),
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
    acts: [],
    otherRoles: [],
    conditions: '',
    source: '',
    note: '',
  };
}

/** The rule's conditions, exceptions, requirements and consequences as YAML; empty parts left out. */
export function conditionsYaml(rule: Pick<Rule, 'when' | 'unless' | 'requires' | 'consequences'>): string {
  const parts: Record<string, unknown> = {};
  if (rule.when && Object.keys(rule.when).length > 0) parts.when = rule.when;
  if (rule.unless.length > 0) parts.unless = rule.unless;
  if (rule.requires.length > 0) parts.requires = rule.requires;
  if (rule.consequences.length > 0) parts.consequences = rule.consequences;
  return Object.keys(parts).length === 0 ? '' : stringify(parts, { lineWidth: 0 });
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
  if (!values.acts.every((act) => isOneOf(acts, act))) errors.acts = 'Select what is done from the list';
  if (!values.otherRoles.every((role) => isOneOf(roles, role)))
    errors.otherRoles = 'Select the other person from the list';

  const read = readYamlMapping(values.conditions);
  let parts: Record<string, unknown> = {};
  if (!read.ok) errors.conditions = read.message;
  else {
    parts = read.value ?? {};
    const unknown = Object.keys(parts).filter((key) => !isOneOf(conditionKeys, key));
    if (unknown.length > 0) {
      errors.conditions = `“${unknown.join('”, “')}” cannot go in this box: it holds only when, unless, requires and consequences`;
    } else if (
      parts.when !== undefined &&
      (typeof parts.when !== 'object' || parts.when === null || Array.isArray(parts.when))
    ) {
      errors.conditions =
        'Under “when:”, write the conditions as “name: value” lines, such as “context.onPremises: true”';
    } else {
      const when = (parts.when ?? {}) as Record<string, unknown>;
      if (values.acts.length > 0 && 'act' in when)
        errors.conditions = 'Say what is done either with the boxes above or as “act:” here, not both';
      else if (values.otherRoles.length > 0 && 'counterpart.role' in when)
        errors.conditions =
          'Say who the other person is either with the boxes above or as “counterpart.role:” here, not both';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  // Boxes come back in the order of the page; values the rule already had keep their order.
  const inOrder = (ticked: string[], before: unknown) => {
    const had = plainValues(before) ?? [];
    return [...had.filter((v) => ticked.includes(v)), ...ticked.filter((v) => !had.includes(v))];
  };
  const when = {
    ...(values.acts.length > 0 && { act: oneOrList(inOrder(values.acts, base?.when?.act)) }),
    ...(values.otherRoles.length > 0 && {
      'counterpart.role': oneOrList(inOrder(values.otherRoles, base?.when?.['counterpart.role'])),
    }),
    ...(parts.when as Record<string, unknown> | undefined),
  };
  // The YAML's own parts are checked with the whole draft, which says exactly where each mistake is.
  const rule = {
    id: values.id,
    section: values.section,
    topic: values.topic,
    audience: inOrder(values.audience, base?.audience),
    bindsFormerStaff: values.bindsFormerStaff,
    modality: values.modality,
    summary: values.summary.trim(),
    ...(optionalText(values.source) && { source: optionalText(values.source) }),
    ...(optionalText(values.note) && { note: optionalText(values.note) }),
    ...(Object.keys(when).length > 0 && { when }),
    unless: parts.unless ?? [],
    requires: parts.requires ?? [],
    consequences: parts.consequences ?? [],
  } as Rule;
  return { ok: true, rule };
}

/**
 * Which field of the rule form a problem found in the whole draft belongs to, from its path
 * inside the rule ("summary", "when.act", "consequences.0.owner").
 */
export function ruleFieldOf(path: readonly string[]): string {
  const [first = '', second = ''] = path;
  const names = (field: string) => second === field || second.startsWith(`${field}.`);
  if (first === 'when' && names('act')) return 'acts';
  if (first === 'when' && names('counterpart.role')) return 'otherRoles';
  if (isOneOf(conditionKeys, first)) return 'conditions';
  return ruleFieldOrder.includes(first) ? first : 'conditions';
}
