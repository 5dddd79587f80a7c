// How conditions read a situation's fields: by path, as the table of fields describes them.
import type { Field, FieldPath, FieldValue } from './field-kinds.ts';
import type { Situation } from './situation.ts';
import { situationFields } from './situation-fields.ts';

/** The table's field by that name, if it has one (and not a property that every object has). */
export const fieldIn = (table: Readonly<Record<string, Field>>, name: string): Field | undefined =>
  Object.hasOwn(table, name) ? table[name] : undefined;

/** Text is compared without regard to case or the spaces around it. */
export const normalText = (value: unknown): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** What the situation says for the field, or the value the table assumes when it says nothing. */
export function readerFor<P extends FieldPath>(path: P): (situation: Situation) => FieldValue<P> | undefined {
  const field: Field = situationFields[path];
  const [group, name] = path.split('.') as [keyof Situation, string | undefined];
  const said =
    name === undefined
      ? (s: Situation): unknown => s[group]
      : (s: Situation): unknown => (s[group] as Readonly<Record<string, unknown>> | undefined)?.[name];
  const assumed = field.kind === 'choice' ? field.assumed : undefined;
  // Every act has some content and a setting, even when the situation leaves them out, so what
  // is assumed of them holds; not every act has another person, and without one nothing does.
  const withAssumed = (s: Situation) =>
    group === 'counterpart' && s.counterpart === undefined ? undefined : (said(s) ?? assumed);
  const read = field.kind === 'text' ? (s: Situation) => normalText(said(s)) : assumed ? withAssumed : said;
  return read as (situation: Situation) => FieldValue<P> | undefined;
}
