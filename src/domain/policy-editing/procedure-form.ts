// The procedure form: its title and summary, the rules whose breach starts it (ticked), and its
// steps, each a row of choices from the vocabulary: what is done, by whom, how soon. A step's
// situation, and a trigger by situation, stay as YAML.
import { stringify } from 'yaml';
import type { Procedure, Step } from '../policy/schema.ts';
import { actions, owners } from '../policy/vocabulary.ts';
import { isOneOf, listOf, optionalText, readYamlMapping, textOf, type Errors } from './form-values.ts';

export const deadlineUnits = ['hours', 'days', 'weeks'] as const;
type DeadlineUnit = (typeof deadlineUnits)[number];

export interface StepFormValues {
  action: string;
  owner: string;
  optional: boolean;
  deadlineAmount: string;
  deadlineUnit: string;
  summary: string;
  /** A later event the step waits for, in words. */
  if: string;
  /** The situations the step is for, as YAML. */
  when: string;
  remove: boolean;
}

export interface ProcedureFormValues {
  /** Typed only when adding a procedure. */
  id: string;
  title: string;
  /** The section it is printed in; empty for none. */
  section: string;
  summary: string;
  breachOf: string[];
  /** A trigger by situation, as YAML. */
  triggerWhen: string;
  steps: StepFormValues[];
}

const blankStep: StepFormValues = {
  action: '',
  owner: '',
  optional: false,
  deadlineAmount: '',
  deadlineUnit: 'days',
  summary: '',
  if: '',
  when: '',
  remove: false,
};

const yamlOf = (value: unknown) => (value === undefined ? '' : stringify(value, { lineWidth: 0 }));

/** P1D reads as 1 day, P2W as 2 weeks, PT4H as 4 hours. */
export function deadlineParts(deadline: string | undefined): { amount: string; unit: DeadlineUnit } {
  const found = /^P(?:(\d+)([DW])|T(\d+)H)$/.exec(deadline ?? '');
  if (!found) return { amount: '', unit: 'days' };
  if (found[3]) return { amount: found[3], unit: 'hours' };
  return { amount: found[1]!, unit: found[2] === 'W' ? 'weeks' : 'days' };
}

export function deadlineOf(amount: string, unit: DeadlineUnit): string {
  return unit === 'hours' ? `PT${amount}H` : `P${amount}${unit === 'weeks' ? 'W' : 'D'}`;
}

export function stepValuesOf(step: Step): StepFormValues {
  const deadline = deadlineParts(step.deadline);
  return {
    action: step.action,
    owner: step.owner,
    optional: step.optional,
    deadlineAmount: deadline.amount,
    deadlineUnit: deadline.unit,
    summary: step.summary ?? '',
    if: step.if ?? '',
    when: yamlOf(step.when),
    remove: false,
  };
}

/** The procedure as it stands, with an empty row at the end for a new step. */
export function procedureValuesOf(procedure: Procedure): ProcedureFormValues {
  return {
    id: procedure.id,
    title: procedure.title,
    section: procedure.section ?? '',
    summary: procedure.summary ?? '',
    breachOf: [...(procedure.trigger.breachOf ?? [])],
    triggerWhen: yamlOf(procedure.trigger.when),
    steps: stepRowsOf(procedure.steps),
  };
}

/** A blank procedure, started by a breach of the rules given. */
export function newProcedureValues(breachOf: string[] = []): ProcedureFormValues {
  return { id: '', title: '', section: '', summary: '', breachOf, triggerWhen: '', steps: [{ ...blankStep }] };
}

/** Each step is posted as step-0-action, step-0-owner…; rows come back in the order numbered. */
export function stepValuesFrom(body: Record<string, unknown>): StepFormValues[] {
  const rows = [
    ...new Set(
      Object.keys(body)
        .map((name) => /^step-(\d{1,3})-/.exec(name)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number),
    ),
  ].sort((a, b) => a - b);
  return rows.map((n) => {
    const field = (name: string) => textOf(body, `step-${n}-${name}`);
    return {
      action: field('action'),
      owner: field('owner'),
      optional: field('optional') === 'yes',
      deadlineAmount: field('deadlineAmount').trim(),
      deadlineUnit: field('deadlineUnit') || 'days',
      summary: field('summary'),
      if: field('if'),
      when: field('when'),
      remove: field('remove') === 'yes',
    };
  });
}

/** The steps as they stand, with an empty row at the end for a new one. */
export function stepRowsOf(steps: readonly Step[]): StepFormValues[] {
  return [...steps.map(stepValuesOf), { ...blankStep }];
}

export function procedureValuesFrom(body: Record<string, unknown>): ProcedureFormValues {
  return {
    id: textOf(body, 'id').trim(),
    title: textOf(body, 'title'),
    section: textOf(body, 'section'),
    summary: textOf(body, 'summary'),
    breachOf: listOf(body, 'breachOf'),
    triggerWhen: textOf(body, 'triggerWhen'),
    steps: stepValuesFrom(body),
  };
}

const isBlank = (step: StepFormValues) =>
  step.action === '' &&
  step.owner === '' &&
  step.deadlineAmount === '' &&
  step.summary.trim() === '' &&
  step.if.trim() === '' &&
  step.when.trim() === '';

/**
 * The steps the rows describe, leaving out removed and blank rows; what to fix in a row goes into
 * `errors`, keyed as step-2-owner. Shared by a procedure's steps and a rule's consequences.
 */
export function readSteps(rows: readonly StepFormValues[], errors: Errors): Step[] {
  const steps: Step[] = [];
  rows.forEach((step, n) => {
    if (step.remove || isBlank(step)) return;
    const at = (name: string) => `step-${n}-${name}`;
    if (!isOneOf(actions, step.action)) errors[at('action')] = `Choose what is done in step ${n + 1}`;
    if (!isOneOf(owners, step.owner)) errors[at('owner')] = `Choose who does step ${n + 1}`;
    const unit = isOneOf(deadlineUnits, step.deadlineUnit) ? step.deadlineUnit : undefined;
    if (
      step.deadlineAmount !== '' &&
      (!/^\d{1,3}$/.test(step.deadlineAmount) || Number(step.deadlineAmount) < 1 || !unit)
    )
      errors[at('deadlineAmount')] =
        `Enter how soon step ${n + 1} is done as a whole number of hours, days or weeks, such as 2`;
    const when = readYamlMapping(step.when);
    if (!when.ok) errors[at('when')] = when.message;
    const summary = optionalText(step.summary);
    const later = optionalText(step.if);
    steps.push({
      action: step.action,
      owner: step.owner,
      optional: step.optional,
      ...(when.ok && when.value && { when: when.value }),
      ...(later && { if: later }),
      ...(step.deadlineAmount !== '' && unit && { deadline: deadlineOf(String(Number(step.deadlineAmount)), unit) }),
      ...(summary && { summary }),
    } as Step);
  });
  return steps;
}

/**
 * The procedure the form describes, on top of the procedure as it was (its id, source and note
 * are not on the form), or a new one when there is none. Errors are keyed by field name, a
 * step's as step-2-owner.
 */
export function readProcedureForm(
  values: ProcedureFormValues,
  base?: Procedure,
): { ok: true; procedure: Procedure } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  if (values.title.trim() === '') errors.title = 'Enter the procedure’s title';
  const triggerWhen = readYamlMapping(values.triggerWhen);
  if (!triggerWhen.ok) errors.triggerWhen = triggerWhen.message;
  if (values.breachOf.length === 0 && triggerWhen.ok && !triggerWhen.value)
    errors.breachOf = 'Select the rules whose breach starts this procedure, or describe the situation that starts it';

  const steps = readSteps(values.steps, errors);
  if (steps.length === 0 && !Object.keys(errors).some((key) => key.startsWith('step-')))
    errors['step-0-action'] = 'A procedure needs at least one step: say what is done first';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const summary = optionalText(values.summary);
  const {
    summary: _summary,
    trigger: _trigger,
    steps: _steps,
    title: _title,
    section: _section,
    ...kept
  } = base ?? ({ id: values.id } as Procedure);
  return {
    ok: true,
    procedure: {
      ...kept,
      title: values.title.trim(),
      ...(values.section !== '' && { section: values.section }),
      ...(summary && { summary }),
      trigger: {
        ...(values.breachOf.length > 0 && { breachOf: values.breachOf }),
        ...(triggerWhen.ok && triggerWhen.value && { when: triggerWhen.value }),
      },
      steps,
    },
  };
}

/**
 * Which field of the procedure form a problem in the whole draft belongs to, from its path inside
 * the procedure ("steps.2.owner", "trigger.breachOf.0"). Steps are numbered as on the form, which
 * leaves out removed and blank rows, so `rowOf` maps the saved step back to its row.
 */
export function procedureFieldOf(path: readonly string[], rowOf: (step: number) => number = (s) => s): string {
  const [first = '', ...rest] = path;
  if (first === 'trigger') return rest[0] === 'when' ? 'triggerWhen' : 'breachOf';
  if (first === 'steps') return stepFieldOf(rest, rowOf);
  return ['summary', 'section', 'id'].includes(first) ? first : 'title';
}

/** The field of a step row a problem belongs to, from its path inside the list of steps ("2.owner"). */
export function stepFieldOf(path: readonly string[], rowOf: (step: number) => number = (s) => s): string {
  const [index = '', field = ''] = path;
  const row = /^\d+$/.test(index) ? rowOf(Number(index)) : 0;
  const name = ['action', 'owner', 'when', 'if', 'summary'].includes(field)
    ? field
    : field === 'deadline'
      ? 'deadlineAmount'
      : 'action';
  return `step-${row}-${name}`;
}

/** For each saved step, the form row it came from. */
export function savedStepRows(values: Pick<ProcedureFormValues, 'steps'>): number[] {
  return values.steps.flatMap((step, n) => (step.remove || isBlank(step) ? [] : [n]));
}
