// The parts of a page's address that name a record: each route's params schema. A record's id is a
// UUID; the parts of a policy are named by short codes. Anything else names no page: the website
// answers "Page not found" (error-pages.ts, forms.ts), the API a problem naming the part.
import { z } from 'zod';

const uuid = z.uuid({ error: 'This is not the id of anything here' });

/** A short name in an address, such as a rule's id (A2) or a kind of letter. */
export const code = z
  .string()
  .min(1)
  .max(100, { abort: true, error: 'This is longer than any name here' })
  .regex(/^[A-Za-z0-9_-]+$/, 'This is not the name of anything here');

/** An address part of each name given, each a UUID. */
export function uuidParams<const Names extends readonly string[]>(...names: Names) {
  return z.object(Object.fromEntries(names.map((name) => [name, uuid])) as Record<Names[number], typeof uuid>);
}

/** An address part of each name given, each a short name. */
export function codeParams<const Names extends readonly string[]>(...names: Names) {
  return z.object(Object.fromEntries(names.map((name) => [name, code])) as Record<Names[number], typeof code>);
}

/** A number in an address, such as a policy version's: up to six digits, read as a number. */
export const whole = z
  .string()
  .regex(/^\d{1,6}$/, 'This is not the number of anything here')
  .transform((digits) => Number.parseInt(digits, 10));

/** An address part of each name given, each a number. */
export function numberParams<const Names extends readonly string[]>(...names: Names) {
  return z.object(Object.fromEntries(names.map((name) => [name, whole])) as Record<Names[number], typeof whole>);
}
