// Reading posted forms: each field as the text typed, each group of checkboxes as the values
// ticked, and a YAML box read into data or a message that says which line to fix.
import { parseDocument } from 'yaml';

export type Errors = Record<string, string>;

/** The posted body as a record, whatever arrived. */
export function bodyOf(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

export const textOf = (fields: Record<string, unknown>, name: string): string =>
  typeof fields[name] === 'string' ? fields[name].replace(/\r\n?/g, '\n') : '';

export const listOf = (fields: Record<string, unknown>, name: string): string[] =>
  [fields[name]].flat().filter((value): value is string => typeof value === 'string');

/** Blank text is left out of the policy rather than saved as an empty string. */
export const optionalText = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** One value as itself, several as a list: how the policy files write a condition's values. */
export const oneOrList = (values: readonly string[]): string | string[] =>
  values.length === 1 ? values[0]! : [...values];

/** A condition value that is plain values (not a test such as `{ not: … }`), as a list. */
export function plainValues(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return [...value];
  return undefined;
}

/** YAML typed into a box: nothing, a mapping, or what is wrong and on which line. */
export function readYamlMapping(
  text: string,
): { ok: true; value: Record<string, unknown> | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const line = text.slice(0, error.pos[0]).split('\n').length;
    return { ok: false, message: `Line ${line} is not valid YAML: ${error.message.split('\n')[0] ?? error.message}` };
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'Write the YAML as “name: value” lines, such as “when:” followed by its conditions' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Zod's wording, made plainer: "Invalid option: expected one of "a"|"b"" becomes "use one of: a, b". */
export function plainMessage(message: string): string {
  return message
    .replace(
      /^Invalid option: expected one of (.*)$/,
      (_, list: string) => `use one of: ${list.replaceAll('"', '').split('|').join(', ')}`,
    )
    .replace(/^Invalid input: expected (\w+), received (\w+)$/, 'give a $1 here, not a $2')
    .replace(/^Unrecognized key: "(.*)"$/, '“$1” is not something Footprint knows here; check the spelling');
}
