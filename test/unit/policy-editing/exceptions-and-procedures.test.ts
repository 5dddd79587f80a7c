// Exceptions chosen with boxes rather than YAML, and procedures added and removed: the model
// policy changed through the forms' readers and the edits, then answered by the engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/domain/policy/index.ts';
import { parsePolicy } from '../../../src/domain/policy/parse.ts';
import { policySchema, type Policy } from '../../../src/domain/policy/schema.ts';
import type { Situation } from '../../../src/domain/policy/situation.ts';
import {
  conditionFieldOf,
  conditionValuesOf,
  readConditionForm,
} from '../../../src/domain/policy-editing/condition-form.ts';
import {
  addException,
  addProcedure,
  removeException,
  removeProcedure,
  replaceException,
} from '../../../src/domain/policy-editing/edits.ts';
import {
  exceptionFieldOf,
  exceptionValuesFrom,
  exceptionValuesOf,
  newExceptionValues,
  readExceptionForm,
} from '../../../src/domain/policy-editing/exception-form.ts';
import { placeOf } from '../../../src/domain/policy-editing/problems.ts';
import {
  newProcedureValues,
  procedureValuesFrom,
  readProcedureForm,
} from '../../../src/domain/policy-editing/procedure-form.ts';

const parsed = parsePolicy(readFileSync(join(import.meta.dirname, '..', '..', '..', 'policies', 'model.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('the model policy does not read');
const model: Policy = parsed.policy;
const rule = (policy: Policy, id: string) => policy.rules.find((r) => r.id === id)!;
const checked = (policy: Policy) => {
  const result = policySchema.safeParse(policy);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
};

// A member of staff follows a pupil who is their own child, declared and approved.
const followsOwnChild: Situation = {
  actor: { role: 'staff' },
  act: 'follow',
  counterpart: { role: 'pupil', relationship: 'family', declared: true, approved: true },
};

describe('The exception form', () => {
  it('writes every exception of the model with the boxes alone, and reads each back unchanged', () => {
    for (const r of model.rules) {
      for (const exception of r.unless) {
        const values = exceptionValuesOf(exception);
        expect(values.conditions, `${r.id} ${exception.id}`).toBe('');
        const read = readExceptionForm(values, exception);
        expect(read.ok && read.exception, `${r.id} ${exception.id}`).toEqual(exception);
      }
    }
  });

  it('reads a new exception from a posted form: the relationship, what is on record, the act', () => {
    const values = exceptionValuesFrom({
      id: ' family ',
      summary: 'Your own child, once you have told the Headteacher.',
      relationships: 'family',
      requires: ['relationship_declared'],
      acts: ['follow'],
      facts: [],
      platforms: ' Instagram ,, facebook',
      conditions: '',
    });
    expect(values.id).toBe('family');
    const read = readExceptionForm(values);
    expect(read.ok && read.exception).toEqual({
      id: 'family',
      summary: 'Your own child, once you have told the Headteacher.',
      when: { act: 'follow', 'counterpart.relationship': 'family', 'context.platform': ['Instagram', 'facebook'] },
      requires: ['relationship_declared'],
    });
  });

  it('says what to fix: no words, nothing ticked, and YAML the vocabulary lacks', () => {
    const empty = readExceptionForm(newExceptionValues());
    expect(!empty.ok && empty.errors).toEqual({
      summary: 'Enter the exception in your school’s own words',
      relationships: expect.stringMatching(/^Say when the exception applies/),
    });
    const wrong = readExceptionForm({
      ...newExceptionValues(),
      summary: 'Cousins',
      relationships: ['cousin'],
      conditions: 'context.weather: sunny\n',
    });
    expect(!wrong.ok && wrong.errors).toEqual({
      relationships: 'Select how they are related from the list',
      conditions: expect.stringMatching(/^In the YAML, at context.weather: "context.weather" is not something/),
    });
  });

  it('keeps a test the boxes cannot say in the YAML, and refuses the same part twice', () => {
    const values = conditionValuesOf({ 'counterpart.relationship': { not: 'family' }, 'context.emergency': true });
    expect(values.relationships).toEqual([]);
    expect(values.facts).toEqual(['context.emergency']);
    expect(values.conditions).toContain('counterpart.relationship');
    expect(readConditionForm({ ...values, relationships: ['friend'] })).toMatchObject({
      ok: false,
      errors: { conditions: 'Say how they are related either with the boxes above or here, not both' },
    });
  });

  it('places a problem inside an exception beside its field, on its own page', () => {
    expect(conditionFieldOf('counterpart.age.below')).toBe('conditions');
    expect(conditionFieldOf('context.emergency')).toBe('facts');
    expect(exceptionFieldOf(['when', 'counterpart.relationship.0'])).toBe('relationships');
    expect(exceptionFieldOf(['requires', '1'])).toBe('requires');
    const index = model.rules.findIndex((r) => r.id === 'B2');
    expect(placeOf(model, `rules.${index}.unless.0.when.counterpart.relationship`)).toEqual({
      href: '/policy/draft/rules/B2/exceptions/approved-family-link#relationships',
      place: 'Rule B2, exception approved-family-link',
    });
  });
});

describe('Editing exceptions', () => {
  it('removes the family exception, and adds one for a declared family member: the engine follows', () => {
    expect(evaluate(model, followsOwnChild).verdict).toBe('permitted');
    const removed = removeException(model, 'B2', 'approved-family-link');
    if (!removed.ok) throw new Error(removed.message);
    expect(evaluate(checked(removed.policy), followsOwnChild).verdict).toBe('breach');

    const read = readExceptionForm({
      ...newExceptionValues(),
      id: 'declared-family',
      summary: 'Your own child or a relative, declared to the school.',
      relationships: ['family'],
      requires: ['relationship_declared'],
    });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const added = addException(removed.policy, 'B2', read.exception);
    if (!added.ok) throw new Error(added.message);
    const policy = checked(added.policy);
    expect(rule(policy, 'B2').unless.map((e) => e.id)).toEqual(['declared-family']);
    expect(evaluate(policy, followsOwnChild).verdict).toBe('permitted');
    // Not declared: the exception does not yet count.
    const undeclared = { ...followsOwnChild, counterpart: { role: 'pupil', relationship: 'family' } } as Situation;
    expect(evaluate(policy, undeclared).verdict).toBe('breach');

    expect(addException(added.policy, 'B2', read.exception)).toMatchObject({ ok: false, field: 'id' });
    const friends = replaceException(added.policy, 'B2', 'declared-family', {
      ...read.exception,
      id: 'ignored',
      when: { 'counterpart.relationship': 'friend' },
    });
    if (!friends.ok) throw new Error(friends.message);
    expect(rule(friends.policy, 'B2').unless).toEqual([
      { ...read.exception, when: { 'counterpart.relationship': 'friend' } },
    ]);
    expect(evaluate(checked(friends.policy), followsOwnChild).verdict).toBe('breach');
    expect(removeException(model, 'B2', 'nothing')).toMatchObject({ ok: false });
  });
});

describe('Adding and removing a procedure', () => {
  it('adds a procedure from a posted form after the last of its section, and removes it', () => {
    const values = procedureValuesFrom({
      id: 'P-CLUBS',
      title: 'A concern about a club leader',
      section: 'J',
      summary: '',
      breachOf: ['D1'],
      triggerWhen: '',
      'step-0-action': 'notify_headteacher',
      'step-0-owner': 'staff',
      'step-0-deadlineAmount': '1',
      'step-0-deadlineUnit': 'days',
    });
    const read = readProcedureForm(values);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.procedure).toEqual({
      id: 'P-CLUBS',
      title: 'A concern about a club leader',
      section: 'J',
      trigger: { breachOf: ['D1'] },
      steps: [{ action: 'notify_headteacher', owner: 'staff', optional: false, deadline: 'P1D' }],
    });
    const added = addProcedure(model, read.procedure);
    if (!added.ok) throw new Error(added.message);
    expect(added.policy.procedures.at(-1)!.id).toBe('P-CLUBS');
    checked(added.policy);
    expect(addProcedure(added.policy, read.procedure)).toMatchObject({ ok: false, field: 'id' });
    const removed = removeProcedure(added.policy, 'P-CLUBS');
    expect(removed.ok && removed.policy).toEqual(model);
  });

  it('refuses a procedure nothing would start, and one with no steps', () => {
    const read = readProcedureForm({ ...newProcedureValues(), title: 'Nothing starts me' });
    expect(!read.ok && read.errors).toEqual({
      breachOf: expect.stringMatching(/^Select the rules whose breach starts this procedure/),
      'step-0-action': 'A procedure needs at least one step: say what is done first',
    });
  });
});
