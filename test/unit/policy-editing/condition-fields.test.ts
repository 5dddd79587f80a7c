// The condition boxes of the policy editor offer the fields of the table of situation fields,
// with its values, and speak of each in its words.
import { describe, expect, it } from 'vitest';
import {
  conditionChoices,
  conditionFacts,
  conditionFieldOf,
  conditionFieldOrder,
  emptyConditionValues,
  readConditionForm,
} from '../../../src/domain/policy-editing/condition-form.ts';
import { placeFacts } from '../../../src/domain/policy-editing/question.ts';
import type { Field } from '../../../src/domain/policy/field-kinds.ts';
import { situationFields } from '../../../src/domain/policy/situation-fields.ts';

const fields: [string, Field][] = Object.entries(situationFields);
const choices = Object.entries(conditionChoices) as [
  keyof typeof conditionChoices,
  (typeof conditionChoices)['acts'],
][];

describe('the condition boxes', () => {
  it('offer every yes/no fact of the table, and only those', () => {
    expect(conditionFacts).toEqual(fields.filter(([, field]) => field.kind === 'yes_no').map(([path]) => path));
  });

  it('offer each listed field with the values of the table, and call it by its label', () => {
    for (const [name, { field, values }] of choices) {
      const inTable = situationFields[field];
      expect('values' in inTable && inTable.values, name).toBe(values);
      const wrong = readConditionForm({ ...emptyConditionValues(), [name]: ['nonsense'] });
      expect(!wrong.ok && wrong.errors[name]).toBe(`Select ${inTable.label} from the list`);
    }
  });

  it('call the sites or apps by the label of the platform', () => {
    const twice = readConditionForm({
      ...emptyConditionValues(),
      platforms: 'Facebook',
      conditions: 'context.platform: x\n',
    });
    expect(!twice.ok && twice.errors.conditions).toBe(
      `Say ${situationFields['context.platform'].label} either with the boxes above or here, not both`,
    );
  });

  it('place every field of the table in a part of the form', () => {
    for (const [path] of fields) expect(conditionFieldOrder, path).toContain(conditionFieldOf(path));
  });
});

describe('the places of "Try a question"', () => {
  it('are yes/no facts of the table', () => {
    for (const place of placeFacts) expect(situationFields[`context.${place}`].kind).toBe('yes_no');
  });
});
