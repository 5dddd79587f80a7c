// An exception to a rule as a form: its id, the school's words for it, when it applies (chosen
// with the condition's boxes, the rest as YAML) and what must be on record for it to count.
import type { Rule } from '../policy/schema.ts';
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
import { listOf, textOf, type Errors } from './form-values.ts';

export type Exception = Rule['unless'][number];

export interface ExceptionFormValues extends ConditionFormValues {
  /** Typed only when adding an exception. */
  id: string;
  summary: string;
  /** What must be on record (`requires`), as requirement kinds. */
  requires: string[];
}

export const exceptionFieldOrder = ['id', 'summary', ...conditionFieldOrder.slice(0, -1), 'requires', 'conditions'];

export function exceptionValuesFrom(body: Record<string, unknown>): ExceptionFormValues {
  return {
    id: textOf(body, 'id').trim(),
    summary: textOf(body, 'summary'),
    ...conditionValuesFrom(body),
    requires: listOf(body, 'requires'),
  };
}

export function exceptionValuesOf(exception: Exception): ExceptionFormValues {
  return {
    id: exception.id,
    summary: exception.summary,
    ...conditionValuesOf(exception.when),
    requires: requirementValuesOf(exception.requires),
  };
}

export const newExceptionValues = (): ExceptionFormValues => ({
  id: '',
  summary: '',
  ...emptyConditionValues(),
  requires: [],
});

/** The exception the form describes, on top of the exception as it was, or what to fix in each field. */
export function readExceptionForm(
  values: ExceptionFormValues,
  base?: Exception,
): { ok: true; exception: Exception } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  if (values.summary.trim() === '') errors.summary = 'Enter the exception in your school’s own words';
  const condition = readConditionForm(values, base?.when);
  if (!condition.ok) Object.assign(errors, condition.errors);
  const requires = readRequirements(values.requires, base?.requires);
  if (!requires.ok) errors.requires = requires.message;
  if (condition.ok && requires.ok && Object.keys(condition.condition).length === 0 && requires.requires.length === 0)
    errors.relationships =
      'Say when the exception applies: tick at least one box, such as a family member, or what must be on record';
  if (Object.keys(errors).length > 0 || !condition.ok || !requires.ok) return { ok: false, errors };
  return {
    ok: true,
    exception: {
      id: base?.id ?? values.id,
      summary: values.summary.trim(),
      when: condition.condition,
      requires: requires.requires,
    },
  };
}

/** Which field a problem found in the whole draft belongs to, from its path inside the exception. */
export function exceptionFieldOf(path: readonly string[]): string {
  const [first = '', second = ''] = path;
  if (first === 'when') return second === '' ? 'conditions' : conditionFieldOf(second);
  if (first === 'requires') return 'requires';
  return first === 'id' ? 'id' : 'summary';
}
