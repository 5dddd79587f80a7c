// Checking what a request sends. Routes declare zod schemas for their body, query and address
// (the compilers of fastify-type-provider-zod, set in app.ts, run them before the handler); a
// refusal becomes a `validation_failed` problem naming each field: a problem document (API), the
// form again with its errors (forms.ts), or an error page.
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validatorCompiler } from 'fastify-type-provider-zod';
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

/**
 * The validator compiler for a hot route, in its route options (`validatorCompiler`): the same
 * check as the zod one app.ts sets, with the schema compiled to JSON Schema to decide, and zod run
 * only on a refusal, to say what to fix. For schemas that only check, as compileRequestCheck.
 */
export function fastValidatorCompiler<Schemas>(
  route: Parameters<FastifySchemaCompiler<Schemas>>[0],
): ReturnType<FastifySchemaCompiler<Schemas>> {
  // Fastify hands the compiler one part of the route's schemas at a time: here, a zod schema.
  const part = { ...route, schema: route.schema as unknown as z.ZodType };
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(part.schema, { target: 'draft-2020-12' });
  const accepts = strictAjv.compile(jsonSchema);
  const byZod = validatorCompiler(part);
  return (input) => (accepts(input) ? { value: input } : byZod(input));
}

/**
 * Fastify's validation errors (from the zod compilers, or from JSON Schema) as fields: each named
 * by its dot path, an unexpected key by its own name.
 */
export function fieldProblemsOf(validation: readonly FastifySchemaValidationError[]): FieldProblem[] {
  return validation.flatMap((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean).join('.');
    const keys = (issue.params as { keys?: unknown }).keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({
        field: [path, String(key)].filter(Boolean).join('.'),
        detail: 'This field is not expected.',
      }));
    }
    return [{ field: path, detail: issue.message ?? 'This value is not valid.' }];
  });
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
