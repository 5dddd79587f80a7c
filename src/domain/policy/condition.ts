// Conditions are data a school's office manager can read:
//   when:
//     act: friend_request_accept             (equals)
//     counterpart.role: [pupil, former_pupil] (one of)
//     counterpart.age: { below: 16 }
//     content.images: { some: { of: [other_pupils, pupils], consent: { not: true } } }
//     any: [ {...}, {...} ]   all: [ ... ]   not: { ... }
// A field the situation leaves out never passes a test, except through `not`, so
// `consent: { not: true }` reads "not known to have consent".
import type { Field, FieldPath } from './field-kinds.ts';
import { fieldIn, normalText, readerFor } from './read-field.ts';
import type { Image, Situation } from './situation.ts';
import { imageFields, situationFields } from './situation-fields.ts';
import { rolesCoveredBy, type Role } from './vocabulary.ts';

export type Condition = Readonly<Record<string, unknown>>;
export type Predicate<T> = (subject: T) => boolean;
export interface ConditionIssue {
  path: (string | number)[];
  message: string;
}

const combinators = ['any', 'all', 'not'] as const;
const numberTests = ['below', 'atLeast', 'above', 'atMost'] as const;
const valueTests = [...numberTests, 'not', 'anyOf', 'allOf', 'present', 'some'] as const;

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------- checking

type Fields = Readonly<Record<string, Field>>;

export function checkCondition(
  condition: unknown,
  fields: Fields = situationFields,
  at: (string | number)[] = [],
): ConditionIssue[] {
  if (!isRecord(condition)) {
    return [{ path: at, message: 'a condition is a list of "field: value" lines' }];
  }
  const issues: ConditionIssue[] = [];
  for (const [key, value] of Object.entries(condition)) {
    const here = [...at, key];
    if (key === 'any' || key === 'all') {
      if (!Array.isArray(value) || value.length === 0) {
        issues.push({ path: here, message: `"${key}" takes a list of conditions` });
        continue;
      }
      value.forEach((c, i) => issues.push(...checkCondition(c, fields, [...here, i])));
    } else if (key === 'not') {
      issues.push(...checkCondition(value, fields, here));
    } else {
      const field = fieldIn(fields, key);
      if (!field) {
        issues.push({
          path: here,
          message: `"${key}" is not something a situation describes; use one of: ${[...Object.keys(fields), ...combinators].join(', ')}`,
        });
        continue;
      }
      issues.push(...checkValueTest(key, field, value, here));
    }
  }
  return issues;
}

function checkValueTest(name: string, field: Field, test: unknown, at: (string | number)[]): ConditionIssue[] {
  if (Array.isArray(test)) {
    if (test.length === 0) return [{ path: at, message: `give at least one value for ${name}` }];
    return test.flatMap((v, i) => checkScalar(name, field, v, [...at, i]));
  }
  if (!isRecord(test)) return checkScalar(name, field, test, at);
  const issues: ConditionIssue[] = [];
  for (const [op, operand] of Object.entries(test)) {
    const here = [...at, op];
    if (!(valueTests as readonly string[]).includes(op)) {
      issues.push({ path: here, message: `"${op}" is not a test; use one of: ${valueTests.join(', ')}` });
    } else if ((numberTests as readonly string[]).includes(op)) {
      if (field.kind !== 'number')
        issues.push({ path: here, message: `${name} is not a number, so "${op}" does not apply` });
      else if (typeof operand !== 'number') issues.push({ path: here, message: `"${op}" takes a number` });
    } else if (op === 'not') {
      issues.push(...checkValueTest(name, field, operand, here));
    } else if (op === 'present') {
      if (typeof operand !== 'boolean') issues.push({ path: here, message: '"present" takes true or false' });
    } else if (op === 'some') {
      if (field.kind !== 'images') issues.push({ path: here, message: `"some" applies only to content.images` });
      else issues.push(...checkCondition(operand, imageFields, here));
    } else if (!Array.isArray(operand) || operand.length === 0) {
      issues.push({ path: here, message: `"${op}" takes a list of values` });
    } else if (op === 'allOf' && field.kind !== 'choices') {
      issues.push({ path: here, message: `"allOf" applies only to lists such as content.labels` });
    } else {
      operand.forEach((v, i) => issues.push(...checkScalar(name, field, v, [...here, i])));
    }
  }
  return issues;
}

function checkScalar(name: string, field: Field, value: unknown, at: (string | number)[]): ConditionIssue[] {
  switch (field.kind) {
    case 'choice':
    case 'choices':
      return typeof value === 'string' && field.values.includes(value)
        ? []
        : [{ path: at, message: `${name} can be ${field.values.join(', ')}; not ${JSON.stringify(value)}` }];
    case 'number':
      return typeof value === 'number' ? [] : [{ path: at, message: `${name} is a number` }];
    case 'yes_no':
      return typeof value === 'boolean' ? [] : [{ path: at, message: `${name} is true or false` }];
    case 'text':
      return typeof value === 'string' ? [] : [{ path: at, message: `${name} is text` }];
    case 'images':
      return [{ path: at, message: 'test content.images with "some: { ... }"' }];
  }
}

// ---------------------------------------------------------------- compiling

type Getter<T> = (subject: T) => unknown;

const readImage =
  (name: string): Getter<Image> =>
  (image) =>
    image[name as keyof Image];

const always: Predicate<unknown> = () => true;

/** Turns a checked condition into a fast predicate. Call checkCondition first. */
export function compileCondition(condition: Condition | undefined): Predicate<Situation> {
  return compileWith(condition, situationFields, (path) => readerFor(path as FieldPath));
}

function compileWith<T>(
  condition: Condition | undefined,
  fields: Fields,
  readerOf: (name: string) => Getter<T>,
): Predicate<T> {
  if (!condition) return always;
  const parts: Predicate<T>[] = Object.entries(condition).map(([key, value]) => {
    if (key === 'any' || key === 'all') {
      const inner = (value as Condition[]).map((c) => compileWith(c, fields, readerOf));
      return key === 'any' ? (s: T) => inner.some((p) => p(s)) : (s: T) => inner.every((p) => p(s));
    }
    if (key === 'not') {
      const inner = compileWith(value as Condition, fields, readerOf);
      return (s: T) => !inner(s);
    }
    const field = fieldIn(fields, key);
    if (!field) throw new Error(`unchecked condition field ${key}`);
    const get = readerOf(key);
    const only = singleValue(field, value);
    if (only !== undefined) return (s: T) => get(s) === only;
    const test = compileValueTest(field, value);
    return (s: T) => test(get(s));
  });
  if (parts.length === 1) return parts[0]!;
  return (s: T) => {
    for (const p of parts) if (!p(s)) return false;
    return true;
  };
}

function normalise(field: Field, value: Scalar): Scalar[] {
  if (field.kind === 'choice' && field.roleLike) return [...rolesCoveredBy(value as Role)];
  if (field.kind === 'text') return [normalText(value) as Scalar];
  return [value];
}

function valueSet(field: Field, values: readonly Scalar[]): ReadonlySet<Scalar> {
  return new Set(values.flatMap((v) => normalise(field, v)));
}

/** The one value a plain equality test names, if that is what the test is. */
function singleValue(field: Field, test: unknown): Scalar | undefined {
  if (field.kind === 'choices' || !(isScalar(test) || Array.isArray(test))) return undefined;
  const wanted = valueSet(field, [test].flat() as Scalar[]);
  return wanted.size === 1 ? [...wanted][0] : undefined;
}

function compileValueTest(field: Field, test: unknown): Predicate<unknown> {
  if (isScalar(test) || Array.isArray(test)) return matchesAnyOf(field, valueSet(field, [test].flat() as Scalar[]));
  const record = test as Record<string, unknown>;
  const parts: Predicate<unknown>[] = Object.entries(record).map(([op, operand]) => {
    switch (op) {
      case 'below':
        return (v) => typeof v === 'number' && v < (operand as number);
      case 'atMost':
        return (v) => typeof v === 'number' && v <= (operand as number);
      case 'above':
        return (v) => typeof v === 'number' && v > (operand as number);
      case 'atLeast':
        return (v) => typeof v === 'number' && v >= (operand as number);
      case 'present':
        return (v) => (v !== undefined) === operand;
      case 'anyOf':
        return matchesAnyOf(field, valueSet(field, operand as Scalar[]));
      case 'allOf': {
        const wanted = valueSet(field, operand as Scalar[]);
        return (v) => Array.isArray(v) && [...wanted].every((w) => (v as unknown[]).includes(w));
      }
      case 'not': {
        const inner = compileValueTest(field, operand);
        return (v) => !inner(v);
      }
      case 'some': {
        const inner = compileWith(operand as Condition, imageFields, readImage);
        return (v) => Array.isArray(v) && (v as Image[]).some(inner);
      }
      default:
        throw new Error(`unchecked value test ${op}`);
    }
  });
  if (parts.length === 1) return parts[0]!;
  return (v) => parts.every((p) => p(v));
}

function matchesAnyOf(field: Field, wanted: ReadonlySet<Scalar>): Predicate<unknown> {
  if (field.kind === 'choices') {
    return (v) => Array.isArray(v) && (v as Scalar[]).some((x) => wanted.has(x));
  }
  // Most tests name one value: comparing with it directly is the engine's hottest path.
  if (wanted.size === 1) {
    const [only] = wanted;
    return (v) => v === only;
  }
  return (v) => isScalar(v) && wanted.has(v);
}
