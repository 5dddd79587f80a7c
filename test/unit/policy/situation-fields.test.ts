// The one table of a situation's fields: it must match the situation schema, and it is what
// conditions read, what the policy files may name and what a condition is said with.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { librarySlugs, loadPolicy } from '../../../src/adapters/policy-files/index.ts';
import { compileCondition, type Condition } from '../../../src/domain/policy/condition.ts';
import type { Field, FieldPath, SituationFields } from '../../../src/domain/policy/field-kinds.ts';
import { fieldIn, readerFor } from '../../../src/domain/policy/read-field.ts';
import { describeCondition } from '../../../src/domain/policy/render/describe-condition.ts';
import type { Policy } from '../../../src/domain/policy/schema.ts';
import { imageSchema, situationSchema, type Situation } from '../../../src/domain/policy/situation.ts';
import { imageFields, situationFields } from '../../../src/domain/policy/situation-fields.ts';

const entries = (table: Readonly<Record<string, Field>>): [string, Field][] => Object.entries(table);
const paths = Object.keys(situationFields) as FieldPath[];

const required = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;

/** A field of the zod schema as the table would give it: its kind, and its values if it has a list. */
function kindOf(schema: z.ZodType): { kind: string; values?: readonly string[] } {
  const inner = required(schema);
  if (inner instanceof z.ZodBoolean) return { kind: 'yes_no' };
  if (inner instanceof z.ZodNumber) return { kind: 'number' };
  if (inner instanceof z.ZodString) return { kind: 'text' };
  if (inner instanceof z.ZodEnum) return { kind: 'choice', values: inner.options as string[] };
  if (inner instanceof z.ZodArray) {
    const element = inner.element as z.ZodType;
    if (element instanceof z.ZodEnum) return { kind: 'choices', values: element.options as string[] };
    if (element === imageSchema) return { kind: 'images' };
  }
  throw new Error(`no kind of field for a zod ${inner.type}`);
}

const tableKind = (field: Field) =>
  'values' in field ? { kind: field.kind, values: field.values } : { kind: field.kind };

function schemaFields(shape: Readonly<Record<string, z.ZodType>>): Record<string, ReturnType<typeof kindOf>> {
  return Object.fromEntries(
    Object.entries(shape).flatMap(([name, schema]) => {
      const inner = required(schema);
      if (!(inner instanceof z.ZodObject)) return [[name, kindOf(schema)]];
      return Object.entries(inner.shape as Record<string, z.ZodType>).map(([field, s]) => [
        `${name}.${field}`,
        kindOf(s),
      ]);
    }),
  );
}

describe('the table of situation fields', () => {
  it('has exactly the fields of the situation schema, each of the same kind and with the same values', () => {
    const fromTable = Object.fromEntries(entries(situationFields).map(([path, field]) => [path, tableKind(field)]));
    expect(fromTable).toEqual(schemaFields(situationSchema.shape));
  });

  it('has exactly the fields of a photo or video in the schema', () => {
    const fromTable = Object.fromEntries(entries(imageFields).map(([name, field]) => [name, tableKind(field)]));
    expect(fromTable).toEqual(schemaFields(imageSchema.shape));
  });

  it('cannot leave out a field of a situation, or give one the wrong kind, and still compile', () => {
    const { 'context.emergency': _left, ...rest } = situationFields;
    // @ts-expect-error every field of a situation is in the table
    const missing: SituationFields = rest;
    // @ts-expect-error a yes/no fact has no values to choose from
    const wrongKind: SituationFields = { ...situationFields, 'context.emergency': situationFields['content.tone'] };
    expect([missing, wrongKind]).toHaveLength(2);
  });

  it('has words for every field, and for each of its values', () => {
    for (const [name, field] of [...entries(situationFields), ...entries(imageFields)]) {
      expect(field.label, name).toMatch(/^[a-z]/);
      if (field.kind === 'yes_no') {
        expect(field.words.yes, name).not.toBe('');
        expect(field.words.no, name).not.toBe(field.words.yes);
      }
      if ('values' in field) for (const value of field.values) expect(field.words.name(value), name).toMatch(/\S/);
    }
  });
});

// ---------------------------------------------------------------- what is read through it

const base: Situation = { actor: { role: 'governor' }, act: 'support_extremism' };

/** A value the field can take (not one it is assumed to have), and a test that holds for it. */
function sample(field: Field): { value: unknown; test: unknown } {
  switch (field.kind) {
    case 'yes_no':
      return { value: true, test: true };
    case 'number':
      return { value: 15, test: { below: 16 } };
    case 'text':
      return { value: 'facebook', test: 'Facebook' };
    case 'images':
      return { value: [{ of: 'staff' }], test: { some: { of: 'staff' } } };
    case 'choices':
      return { value: [field.values[0]], test: field.values[0] };
    case 'choice': {
      const value = field.values.find((v) => v !== field.assumed);
      return { value, test: value };
    }
  }
}

/** `base`, with the field set to the value (and another person, for a field about them). */
function withField(path: FieldPath, value: unknown): Situation {
  const [group, name] = path.split('.') as ['actor' | 'counterpart' | 'content' | 'context', string | undefined];
  if (name === undefined) return { ...base, [group]: value };
  const before = group === 'counterpart' ? { role: 'pupil' } : base[group];
  return { ...base, [group]: { ...before, [name]: value } };
}

describe('conditions read every field through the table', () => {
  it.each(paths)('%s', (path) => {
    const { value, test } = sample(situationFields[path]);
    const situation = withField(path, value);
    expect(readerFor(path)(situation)).toEqual(value);
    expect(compileCondition({ [path]: test })(situation)).toBe(true);
    expect(compileCondition({ [path]: test })(base)).toBe(false);
  });

  it('takes the assumed value when a situation does not say, but nothing of another person there is not', () => {
    const assumed = entries(situationFields).filter(([, field]) => field.kind === 'choice' && field.assumed);
    expect(assumed.map(([path]) => path)).toEqual(['counterpart.relationship', 'content.channel']);
    expect(readerFor('content.channel')(base)).toBe('personal');
    expect(readerFor('counterpart.relationship')(base)).toBeUndefined();
    expect(readerFor('counterpart.relationship')({ ...base, counterpart: { role: 'parent' } })).toBe('none');
  });
});

// ---------------------------------------------------------------- what the policies name

const conditionsOf = (policy: Policy): (Condition | undefined)[] => [
  ...policy.rules.flatMap((rule) => [
    rule.when,
    ...rule.unless.map((exception) => exception.when),
    ...rule.consequences.map((step) => step.when),
  ]),
  ...policy.procedures.flatMap((procedure) => [procedure.trigger.when, ...procedure.steps.map((step) => step.when)]),
];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every field a condition names, with the fields of a photo inside `some:` as "some.of". */
function fieldsNamed(condition: unknown): string[] {
  if (!isRecord(condition)) return [];
  return Object.entries(condition).flatMap(([key, value]) => {
    if (key === 'any' || key === 'all') return (value as unknown[]).flatMap(fieldsNamed);
    if (key === 'not') return fieldsNamed(value);
    return [key, ...imageTests(value)];
  });
}
const imageTests = (test: unknown): string[] => {
  if (!isRecord(test)) return [];
  if (isRecord(test.some)) return fieldsNamed(test.some).map((name) => `some.${name}`);
  return imageTests(test.not);
};

describe('the fields the policies in the library name', () => {
  const named = new Set(
    librarySlugs().flatMap((slug) => {
      const loaded = loadPolicy(slug);
      if (!loaded.ok) throw new Error(`${slug} does not load`);
      return conditionsOf(loaded.policy).flatMap(fieldsNamed);
    }),
  );

  it('are all in the table', () => {
    expect(named.size).toBeGreaterThan(20);
    for (const name of named) {
      const field = name.startsWith('some.') ? fieldIn(imageFields, name.slice(5)) : fieldIn(situationFields, name);
      expect(field, name).toBeDefined();
    }
  });
});

// ---------------------------------------------------------------- what a condition is said with

describe('a condition is said in the table’s words', () => {
  it.each(paths.filter((path) => situationFields[path].kind === 'yes_no'))('%s', (path) => {
    const field = situationFields[path] as Extract<Field, { kind: 'yes_no' }>;
    expect(describeCondition({ [path]: true })).toContain(field.words.yes);
    expect(describeCondition({ [path]: false })).toContain(field.words.no);
  });

  it('names each value of a listed field as the table does', () => {
    for (const [path, field] of entries(situationFields)) {
      if (!('values' in field)) continue;
      for (const value of field.values)
        expect(describeCondition({ [path]: value }), `${path}: ${value}`).toContain(field.words.name(value));
    }
  });

  it('calls a field by its label when the test is whether the situation gives it', () => {
    for (const [path, field] of entries(situationFields))
      expect(describeCondition({ [path]: { present: false } })).toContain(`where ${field.label} is not given`);
  });
});
