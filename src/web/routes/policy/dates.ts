// Reading a GOV.UK date input (day, month, year fields) into YYYY-MM-DD, with a message that says
// what to fix. Showing dates is web/format.ts's.

export interface DayFields {
  day: string;
  month: string;
  year: string;
}

export function dayFields(body: unknown, name: string): DayFields {
  const read = (part: string) => {
    const value = (body as Record<string, unknown> | undefined)?.[`${name}-${part}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { day: read('day'), month: read('month'), year: read('year') };
}

/** YYYY-MM-DD, or the reason the fields are not a real date. */
export function readDay(fields: DayFields, what: string): { day: string } | { problem: string } {
  const { day, month, year } = fields;
  if (!day && !month && !year) return { problem: `Enter ${what}` };
  if (!day || !month || !year) return { problem: `${capital(what)} must include a day, month and year` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { problem: `${capital(what)} must be a real date, such as 18 11 2026` };
  }
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    return { problem: `${capital(what)} must be a real date, such as 18 11 2026` };
  }
  return { day: text };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "18 November 2026": moved to web/format.ts, with the other formats; named here until its last importers move. */
export { longDate as longDay } from '../../format.ts';
