// School terms for governors' figures. Every school uses the same fixed boundaries: autumn from
// 1 September to 31 December, spring from 1 January to 31 March, summer from 1 April to 31 August.
// Fixed months rather than each school's own term dates, because figures are then comparable
// across every school of a trust or local authority, and because nobody has to enter term dates
// before the first report. Holidays fall inside a term (summer holidays in the summer term, so
// nothing reported in August is lost). A per-school calendar could refine this later, with these
// boundaries as its default. Boundaries are midnight in the UK, whatever the server's clock says.

export const seasons = ['autumn', 'spring', 'summer'] as const;
export type Season = (typeof seasons)[number];

export interface Term {
  season: Season;
  /** The calendar year the term falls in: autumn 2026 is September to December 2026, spring 2027 follows it. */
  year: number;
  /** "Autumn term 2026". */
  name: string;
  /** The first moment of the term: midnight at the start of its first day, UK time. */
  starts: Date;
  /** The first moment after the term (the next term's start): a moment is in the term when starts <= it < ends. */
  ends: Date;
  /** "2026-09-01" and "2026-12-31": the first and last days, for display. */
  firstDay: string;
  lastDay: string;
}

/** Each season's first month (1-12), in the order they come within a calendar year. */
const firstMonth: Readonly<Record<Season, number>> = { spring: 1, summer: 4, autumn: 9 };
const inYearOrder: readonly Season[] = ['spring', 'summer', 'autumn'];

const seasonNames: Readonly<Record<Season, string>> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

const schoolTimeZone = 'Europe/London';
const ukDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: schoolTimeZone,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** The UK wall-clock reading of a moment, as if it were UTC (so the difference is the UK offset). */
function ukWallClock(at: number): { year: number; month: number; day: number; asUtc: number } {
  const parts = ukDate.formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  return { year, month, day, asUtc: Date.UTC(year, month - 1, day, part('hour'), part('minute'), part('second')) };
}

/** Midnight at the start of a day in the UK. Clocks change at 1am UTC, so midnight is never skipped or repeated. */
function ukMidnight(year: number, month: number, day: number): Date {
  const wall = Date.UTC(year, month - 1, day);
  const offset = ukWallClock(wall).asUtc - wall;
  return new Date(wall - offset);
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('a term needs a real date, not an invalid one');
}

/** The term with this season in this calendar year. */
export function termFor(season: Season, year: number): Term {
  if (!Number.isInteger(year)) throw new RangeError(`a term's year must be a whole number, not ${year}`);
  const index = inYearOrder.indexOf(season);
  const next = inYearOrder[index + 1];
  const start = firstMonth[season];
  const [endYear, endMonth] = next === undefined ? [year + 1, 1] : [year, firstMonth[next]];
  const lastDayOfTerm = new Date(Date.UTC(endYear, endMonth - 1, 0));
  return {
    season,
    year,
    name: `${seasonNames[season]} term ${year}`,
    starts: ukMidnight(year, start, 1),
    ends: ukMidnight(endYear, endMonth, 1),
    firstDay: isoDay(year, start, 1),
    lastDay: isoDay(lastDayOfTerm.getUTCFullYear(), lastDayOfTerm.getUTCMonth() + 1, lastDayOfTerm.getUTCDate()),
  };
}

/** The term a moment falls in, by its date in the UK. */
export function termOf(date: Date): Term {
  assertValidDate(date);
  const { year, month } = ukWallClock(date.getTime());
  const season: Season = month >= firstMonth.autumn ? 'autumn' : month >= firstMonth.summer ? 'summer' : 'spring';
  return termFor(season, year);
}

/** Whether a moment falls in a term. */
export function isInTerm(date: Date, term: Term): boolean {
  const at = date.getTime();
  return at >= term.starts.getTime() && at < term.ends.getTime();
}

export function previousTerm(term: Term): Term {
  const index = inYearOrder.indexOf(term.season);
  const before = inYearOrder[index - 1];
  return before === undefined ? termFor('autumn', term.year - 1) : termFor(before, term.year);
}

export function nextTerm(term: Term): Term {
  const index = inYearOrder.indexOf(term.season);
  const after = inYearOrder[index + 1];
  return after === undefined ? termFor('spring', term.year + 1) : termFor(after, term.year);
}

/**
 * For a picker: the term `date` falls in and the ones before it, most recent first, `count` in all.
 * `count` must be a whole number from 0 up.
 */
export function termsBefore(date: Date, count: number): Term[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number from 0, not ${count}`);
  const terms: Term[] = [];
  let term = termOf(date);
  for (let i = 0; i < count; i++) {
    terms.push(term);
    term = previousTerm(term);
  }
  return terms;
}

/** A term in a URL: "2026-autumn". */
export function termId(term: Pick<Term, 'season' | 'year'>): string {
  return `${term.year}-${term.season}`;
}

const termIdShape = /^([1-9]\d{3})-(autumn|spring|summer)$/;

/**
 * The term a URL names, or undefined when the id is not one Footprint makes: anything but a
 * four-digit year from 1000, a hyphen and a season in lower case ("2026-autumn") is refused rather
 * than guessed at, so that a mistyped address shows "not found" instead of another term's figures.
 */
export function parseTermId(id: string): Term | undefined {
  const match = termIdShape.exec(id);
  const season = seasons.find((s) => s === match?.[2]);
  if (!match?.[1] || !season) return undefined;
  return termFor(season, Number(match[1]));
}
