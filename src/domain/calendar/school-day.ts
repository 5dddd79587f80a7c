// The school's calendar day. Schools in England keep UK time: between midnight and one in the
// morning in summer, the day in UTC is still yesterday, so "today" is never read off UTC.
const schoolTimeZone = 'Europe/London';

// en-CA formats a date as YYYY-MM-DD, the shape every day in Footprint is kept in.
const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: schoolTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day (YYYY-MM-DD) that it is at the school at this moment. */
export function schoolDay(at: Date): string {
  return isoDay.format(at);
}
