// School-year arithmetic on plain YYYY-MM-DD days. Dates here are calendar days, never instants.
import type { YearGroup } from '../community/pupils.ts';
import type { Random } from './random.ts';

export const primaryYears = ['R', '1', '2', '3', '4', '5', '6'] as const satisfies readonly YearGroup[];
export type PrimaryYear = (typeof primaryYears)[number];

const dayMs = 86_400_000;
const toNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / dayMs;
const fromNumber = (n: number): string => new Date(n * dayMs).toISOString().slice(0, 10);

/** A real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(toNumber(text)) && fromNumber(toNumber(text)) === text;
}

export function addDays(day: string, days: number): string {
  return fromNumber(toNumber(day) + days);
}

export function dayBetween(random: Random, from: string, to: string): string {
  return fromNumber(random.int(toNumber(from), toNumber(to)));
}

/** The calendar year in whose September the school year containing the day began. */
export function schoolYearOf(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}

/**
 * Who is in a primary year group in the school year starting in September of `schoolYear`:
 * children start Reception in the September after their fourth birthday, so each year group
 * is born between 1 September and the following 31 August.
 */
export function birthDatesFor(year: PrimaryYear, schoolYear: number): { from: string; to: string } {
  const born = schoolYear - 5 - primaryYears.indexOf(year);
  return { from: `${born}-09-01`, to: `${born + 1}-08-31` };
}
