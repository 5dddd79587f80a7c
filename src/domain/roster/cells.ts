// Reading the values in a school's cells, in the many ways their exports write them.
// Each reader gives the value, or the reason it could not read it, to follow the cell's text.
import { yearGroups, type YearGroup } from '../community/pupils.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const read = <T>(value: T): CellResult<T> => ({ ok: true, value });
const cannot = (reason: string): CellResult<never> => ({ ok: false, reason });

/** Lower case, without spaces or punctuation: "Year 3" → "year3", "Step-parent" → "stepparent". */
export const wordKey = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const useDayFirst = 'use DD/MM/YYYY, such as 27/09/2016';

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** DD/MM/YYYY, D/M/YYYY (with /, - or .) or YYYY-MM-DD, to YYYY-MM-DD. A midnight time, which some exports add, is dropped. */
export function readDate(text: string): CellResult<string> {
  const date = text.replace(/(?:\s+|T)00:00(?::00)?$/, '');
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(date);
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date);
  const [day, month, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]].map(Number)
    : yearFirst
      ? [yearFirst[3], yearFirst[2], yearFirst[1]].map(Number)
      : [];
  if (day === undefined || month === undefined || year === undefined) {
    return cannot(`is not a date Footprint can read: ${useDayFirst}`);
  }
  if (year < 100) return cannot(`needs the year in full: ${useDayFirst}`);
  if (month > 12 && day <= 12)
    return cannot('is not a real date: put the day first, as DD/MM/YYYY, such as 27/09/2016');
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) {
    return cannot(`is not a real date: ${useDayFirst}`);
  }
  return read(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

const yearGroupWords = new Map<string, YearGroup>(
  Object.entries({
    nursery1: 'N1',
    n1: 'N1',
    nursery2: 'N2',
    n2: 'N2',
    reception: 'R',
    rec: 'R',
    r: 'R',
    yr: 'R',
    yearr: 'R',
    yearreception: 'R',
    fs2: 'R',
  } satisfies Record<string, YearGroup>),
);

/** "Year 3", "Y3", "Yr 3", "3", "Reception", "R", "Nursery 1", "N1"… */
export function readYearGroup(text: string): CellResult<YearGroup> {
  const key = wordKey(text);
  const numbered = /^(?:year|yr|y|ncyear)?0*(\d{1,2})$/.exec(key)?.[1];
  const found = yearGroupWords.get(key) ?? yearGroups.find((group) => group === numbered);
  if (found) return read(found);
  if (key === 'nursery' || key === 'fs1') {
    return cannot('could be either year of nursery: use N1 for the first year or N2 for the year before Reception');
  }
  return cannot('is not one Footprint knows: use N1, N2, Reception, or Year 1 to Year 13, such as Year 3');
}

const yes = ['yes', 'y', 'true', '1'];
const no = ['no', 'n', 'false', '0'];

/** Yes/No, Y/N, True/False or 1/0. */
export function readYesNo(text: string): CellResult<boolean> {
  const key = wordKey(text);
  if (yes.includes(key)) return read(true);
  if (no.includes(key)) return read(false);
  return cannot('is not Yes or No: use Yes or No');
}

/** A contact priority: 1 is the first to contact. */
export function readPriority(text: string): CellResult<number> {
  const priority = /^\d{1,3}$/.test(text) ? Number(text) : 0;
  if (priority >= 1) return read(priority);
  return cannot('is not a contact priority: use 1 for the first to contact, 2 for the next, and so on');
}
