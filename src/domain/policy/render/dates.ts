// Dates in a policy are written YYYY-MM-DD, YYYY-MM or YYYY; a reader sees "24 January 2019".
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function formatDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const monthName = month ? months[Number(month) - 1] : undefined;
  if (month && !monthName) return date;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** An ISO 8601 deadline (P1D, P2W, PT4H) in words: "within 1 day". */
export function formatDeadline(deadline: string): string {
  const match = /^P(?:(\d+)([DW])|T(\d+)H)$/.exec(deadline);
  if (!match) return `within ${deadline}`;
  const [, count, unit, hours] = match;
  const [n, word] = hours ? [Number(hours), 'hour'] : [Number(count), unit === 'W' ? 'week' : 'day'];
  return `within ${n} ${word}${n === 1 ? '' : 's'}`;
}
