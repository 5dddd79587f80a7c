import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../src/errors.ts';
import { problemDocument } from '../../../src/web/problem.ts';
import { parseRequest, validationProblem } from '../../../src/web/validation.ts';

const schema = z.strictObject({
  people: z.array(z.object({ role: z.enum(['staff', 'parent']) })),
  'a/b~c': z.string().optional(),
});

function problemFor(input: unknown): AppError {
  try {
    parseRequest(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation problem');
}

describe('Request validation', () => {
  it('returns the parsed value when it is valid', () => {
    expect(parseRequest(schema, { people: [{ role: 'staff' }] })).toEqual({ people: [{ role: 'staff' }] });
  });

  it('names the path of each invalid field, through arrays', () => {
    const error = problemFor({ people: [{ role: 'staff' }, { role: 'pupil' }] });
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual([{ field: 'people.1.role', detail: expect.stringContaining('staff') as string }]);
    expect(error.message).toBe('people.1.role is not valid.');
  });

  it('names each unexpected field', () => {
    const error = problemFor({ people: [], extra: 1, another: 2 });
    expect(error.fields.map((field) => field.field)).toEqual(['extra', 'another']);
  });

  it('names the whole body when it is not an object at all', () => {
    const error = problemFor('not an object');
    expect(error.fields).toEqual([{ field: '', detail: expect.any(String) as string }]);
    expect(error.message).toBe('the body is not valid.');
  });

  it('becomes a problem document with JSON Pointers to each field, escaped as RFC 6901 says', () => {
    const error = problemFor({ people: [{ role: 1 }], 'a/b~c': 5 });
    const document = problemDocument(error, '/api/v1/things', 'https://footprint.example');
    expect(document).toMatchObject({
      type: 'https://footprint.example/problems/validation-failed',
      title: 'Some answers need correcting',
      status: 400,
      instance: '/api/v1/things',
      code: 'validation_failed',
    });
    expect(document.errors.map((entry) => entry.pointer)).toEqual(['#/people/0/role', '#/a~1b~0c']);
  });

  it('accepts a detail of its own', () => {
    const result = schema.safeParse({});
    if (result.success) throw new Error('expected failure');
    expect(validationProblem(result.error, 'The situation is incomplete.').message).toBe(
      'The situation is incomplete.',
    );
  });
});
