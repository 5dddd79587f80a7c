// Checking what a request sends, for routes: parse with a zod schema, or throw a
// `validation_failed` AppError that becomes a problem document (API) or an error page.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { AppError, type FieldProblem } from '../errors.ts';

/** Returns the parsed value, or throws a validation problem naming each invalid field. */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationProblem(result.error);
  return result.data;
}

/**
 * The same check as parseRequest, made fast for a hot route: the zod schema, turned into JSON Schema
 * and compiled, decides; zod itself runs only on a refusal, to name what to fix. For schemas that
 * only check (no transforms, no defaults), so that what is accepted is already the parsed value.
 */
export function compileRequestCheck<Schema extends z.ZodType>(schema: Schema): (input: unknown) => z.output<Schema> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-2020-12' });
  const accepts = strictAjv.compile(jsonSchema);
  return (input) => (accepts(input) ? (input as z.output<Schema>) : parseRequest(schema, input));
}

const strictAjv = new Ajv2020({ strict: true, allErrors: false, coerceTypes: false, useDefaults: false });

/** A zod error as a validation problem: one entry per invalid field, named by its path. */
export function validationProblem(error: z.ZodError, detail?: string): AppError {
  const fields = error.issues.flatMap(fieldProblems);
  const names = [...new Set(fields.map((field) => field.field || 'the body'))];
  const summary =
    names.length === 1
      ? `${names[0] ?? ''} is not valid.`
      : `${names.length} fields are not valid: ${names.join(', ')}.`;
  return new AppError('validation_failed', detail ?? summary, fields);
}

/** For routes that check by hand: a validation problem about named fields. */
export function invalidFields(fields: readonly FieldProblem[], detail?: string): AppError {
  return new AppError('validation_failed', detail, fields);
}

function fieldProblems(issue: z.core.$ZodIssue): FieldProblem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: [...path, key].join('.'), detail: 'This field is not expected.' }));
  }
  return [{ field: path.join('.'), detail: issue.message }];
}
