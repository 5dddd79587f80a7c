// HTML forms, for every page: the route schema's fields (each with a maximum length, checked before
// anything else looks at the value), reading what the schema made of a post, showing errors the
// GOV.UK way, and only ever going on to a path on this site.
//
// A page route's schema is its first line: it bounds lengths and shapes, so that no pattern, parser
// or service ever sees an over-long value. Its messages say what to fix; the page's own form schema
// (often the domain's) still gives the friendly per-field messages for values within the bounds.
// Page routes set `attachValidation` (see `formRoute`), so that a refused post comes back to the
// handler, which shows its own form again with the errors and everything that was typed.
import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { fieldProblemsOf } from './validation.ts';

export type Errors = Record<string, string>;

/**
 * The longest value each kind of field takes. Each is a ceiling well above what anyone types: a
 * field with a tighter limit of its own (in the domain) keeps its own, friendlier, message for that.
 */
export const limits = {
  /** A person's name, a title, a label. */
  name: 200,
  /** RFC 5321: 64 for the local part, 255 for the domain, and the @. */
  email: 320,
  /** A code from an authenticator app, or a recovery code, typed with spaces or dashes. */
  code: 100,
  /** The password policy takes 128 characters; the rest of this leaves room to say so. */
  password: 1000,
  /** A short answer: a reference, a handle, a web address, a phone number. */
  short: 1000,
  /** A paragraph or a letter: the longest the domain takes is 10,000. */
  text: 20_000,
  /** A choice from a list, a yes or no, a page number, a token in a form. */
  choice: 100,
  /** A place to go back to, carried in a hidden field or the address. */
  next: 2000,
  /** One of the day, month and year boxes of a date. */
  datePart: 10,
} as const;

const plural = (max: number) => `${max.toLocaleString('en-GB')} characters or fewer`;

/**
 * A text field: text of at most `max` characters, blank when not sent. The length is checked
 * first, and nothing after it runs on a value that is too long.
 */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { abort: true, error: `${label} must be ${plural(max)}` })
    .default('');
}

/**
 * A value nobody types, such as the page to go on to after signing in, carried in the address or
 * a hidden field: bounded like any other, but one too long or of the wrong shape is dropped (read
 * as blank) rather than refused, since nobody could put it right.
 */
export function hint(max: number) {
  return z.string().max(max, { abort: true }).catch('');
}

/** A group of checkboxes (or a field that may be sent more than once): the values ticked, each bounded. */
export function ticked(label: string, max: number = limits.choice) {
  const one = z
    .string({ error: `${label} must be text` })
    .max(max, { abort: true, error: `${label} must be ${plural(max)}` });
  return z
    .union([one, z.array(one).max(200, `Choose 200 or fewer for ${label.toLowerCase()}`)], {
      error: `${label} must be text`,
    })
    .transform((value) => [value].flat())
    .default([]);
}

/** The three boxes of a GOV.UK date input called `name`: name-day, name-month and name-year. */
export function dateParts<Name extends string>(name: Name, label: string) {
  return {
    [`${name}-day`]: text(`The day of ${label}`, limits.datePart),
    [`${name}-month`]: text(`The month of ${label}`, limits.datePart),
    [`${name}-year`]: text(`The year of ${label}`, limits.datePart),
  } as Record<`${Name}-${'day' | 'month' | 'year'}`, ReturnType<typeof text>>;
}

/**
 * The route options of a page's form: its schema (and its address's), with refusals handed to the
 * page's handler, to read with `readForm`, rather than answered with an error page.
 */
export function formRoute<Body extends z.ZodObject>(body: Body): { schema: { body: Body }; attachValidation: true };
export function formRoute<Body extends z.ZodObject, Params extends z.ZodObject>(
  body: Body,
  params: Params,
): { schema: { body: Body; params: Params }; attachValidation: true };
export function formRoute(body: z.ZodObject, params?: z.ZodObject) {
  return { schema: params ? { body, params } : { body }, attachValidation: true };
}

export type FormReading<Values> = { ok: true; values: Values } | { ok: false; values: Values; errors: Errors };

/**
 * What the route's schema made of the posted form: its values, or, when it refused them, the
 * values as typed (each field the schema refused kept as it was sent, when that was text, or blank)
 * with a message for each field to fix. A refused address or query is not the form's to show:
 * it is thrown, as a page not found or a problem page.
 */
export function readForm<Body extends z.ZodObject>(schema: Body, request: FastifyRequest): FormReading<z.output<Body>> {
  return readPart(schema, request, 'body');
}

/** The same as readForm, for a form sent by GET: its fields are the query. */
export function readQuery<Query extends z.ZodObject>(
  schema: Query,
  request: FastifyRequest,
): FormReading<z.output<Query>> {
  return readPart(schema, request, 'querystring');
}

function readPart<Part extends z.ZodObject>(
  schema: Part,
  request: FastifyRequest,
  part: 'body' | 'querystring',
): FormReading<z.output<Part>> {
  const sent = part === 'body' ? request.body : request.query;
  const refusal = request.validationError;
  if (!refusal) return { ok: true, values: sent as z.output<Part> };
  const problems = fieldProblemsOf((refusal.validation ?? []) as FastifySchemaValidationError[]);
  if (refusal.validationContext === 'params') throw new AppError('not_found');
  if (refusal.validationContext !== part) throw new AppError('validation_failed', undefined, problems);
  const errors: Errors = {};
  for (const problem of problems) {
    const name = problem.field.split('.', 1)[0];
    errors[name === undefined || name === '' ? 'form' : name] ??= problem.detail;
  }
  return { ok: false, values: asTyped(schema, sent), errors };
}

/** A refused form's fields: each as the schema reads it, or as it was typed, or blank. */
function asTyped<Body extends z.ZodObject>(schema: Body, body: unknown): z.output<Body> {
  const sent = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const typed = (value: unknown) =>
    typeof value === 'string' || (Array.isArray(value) && value.every((each) => typeof each === 'string'));
  return Object.fromEntries(
    Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
      const read = field.safeParse(sent[name]);
      if (read.success) return [name, read.data];
      return [name, typed(sent[name]) ? sent[name] : field.safeParse(undefined).data];
    }),
  ) as z.output<Body>;
}

/** Errors listed in the order of the form's fields, then any others. */
export function inFieldOrder(errors: Errors, order: readonly string[]): Errors {
  const names = [...order, ...Object.keys(errors).filter((name) => !order.includes(name))];
  return Object.fromEntries(names.flatMap((name) => (errors[name] ? [[name, errors[name]]] : [])));
}

export const hasErrors = (errors: Errors) => Object.keys(errors).length > 0;

export function errorList(errors: Errors) {
  return Object.entries(errors).map(([name, text]) => ({ text, href: `#${name}` }));
}

/** A place to go back to after signing in: a path here, never another site. */
export function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 500 && /^\/(?![/\\])/.test(value) ? value : undefined;
}

export async function page(reply: FastifyReply, template: string, model: Record<string, unknown>, status = 200) {
  const errors = (model.errors as Errors | undefined) ?? {};
  const html = await reply.viewAsync(template, {
    ...reply.locals,
    values: {},
    ...model,
    errors,
    errorList: errorList(errors),
  });
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/** @deprecated A hand read of a posted field: give the route a schema (`formRoute`) instead. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A field as a rate limit's key reads it, after the schema (which runs first) has read the form:
 * the parsed value, or, on a refused form, what was sent, cut to the longest value any field takes.
 */
export function keyPart(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, limits.text).trim().toLowerCase() : '';
}
