// Small helpers shared by the sign-in pages: reading a posted field, showing errors the GOV.UK
// way, and only ever going on to a path on this site.
import type { FastifyReply } from 'fastify';

export type Errors = Record<string, string>;

export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function errorList(errors: Errors) {
  return Object.entries(errors).map(([name, text]) => ({ text, href: `#${name}` }));
}

/** A place to go back to after signing in: a path here, never another site. */
export function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 500 ? value : undefined;
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
