// Small helpers for writing plain English from data.

/** "a", "a and b", "a, b and c" (or "or"). */
export function joinWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Capitalised, with a full stop unless it already ends in punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return capitalise(/[.!?:]$/.test(trimmed) ? trimmed : `${trimmed}.`);
}

/** Without a trailing full stop, to go inside a longer sentence. */
export function clause(text: string): string {
  return text.trim().replace(/\.$/, '');
}

/** Turns "tell the Headteacher" into "tells the Headteacher" (the subject is always singular). */
export function thirdPerson(phrase: string): string {
  const [verb = '', ...rest] = phrase.split(' ');
  let conjugated: string;
  if (/[^aeiou]y$/.test(verb)) conjugated = `${verb.slice(0, -1)}ies`;
  else if (/(s|sh|ch|x|z|o)$/.test(verb)) conjugated = `${verb}es`;
  else conjugated = `${verb}s`;
  return [conjugated, ...rest].join(' ');
}

/** Paragraphs of a free-text field: split on blank lines. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}
