// How values come back from PostgreSQL, the same whichever driver reads them (pg or PGlite).
// Each driver has its own defaults; these fix the ones that differ or that we decide on.

type Parser = (text: string) => unknown;

const typeIds = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  json: 114,
  jsonb: 3802,
};

const arrayTypeIds = {
  int8: 1016,
  numeric: 1231,
  date: 1182,
  timestamp: 1115,
  json: 199,
  jsonb: 3807,
};

function parseWholeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`The whole number ${text} is too large for JavaScript`);
  return value;
}

/** A timestamp without time zone is read as UTC, so it does not shift with the server's local time. */
function parseTimestampAsUtc(text: string): Date | string {
  if (text === 'infinity' || text === '-infinity') return text;
  return new Date(`${text.replace(' ', 'T')}Z`);
}

const keepText: Parser = (text) => text;

/** Parsers by type id: int8 and counts → number, numeric → string (no rounding), date → 'YYYY-MM-DD',
 * timestamp → Date (UTC), json and jsonb → parsed values. timestamptz is a Date in both drivers already. */
export const scalarParsers: ReadonlyMap<number, Parser> = new Map<number, Parser>([
  [typeIds.int8, parseWholeNumber],
  [typeIds.numeric, keepText],
  [typeIds.date, keepText],
  [typeIds.timestamp, parseTimestampAsUtc],
  [typeIds.json, (text) => JSON.parse(text) as unknown],
  [typeIds.jsonb, (text) => JSON.parse(text) as unknown],
]);

/** Array type id → the type id of its elements, for the arrays of the types above. */
export const arrayElementTypes: ReadonlyMap<number, number> = new Map(
  (Object.keys(arrayTypeIds) as (keyof typeof typeIds)[]).map((name) => [arrayTypeIds[name], typeIds[name]]),
);

/** Applies an element parser through a (possibly nested) array of texts. */
export function mapArray(value: unknown, parse: Parser): unknown {
  if (Array.isArray(value)) return value.map((item) => mapArray(item, parse));
  return typeof value === 'string' ? parse(value) : value;
}
