// How long a closed case is kept before it is looked at again. A case involving a child is a
// child protection record: by default it is kept until the youngest child involved is 31 (their
// date of birth plus 25 years), the period schools are usually advised to keep such records.
// Other cases are kept six years from closure, as for complaints. Each school can change both.
// Nothing is destroyed when the date comes: someone proposes it, and someone else approves.

export interface RetentionRules {
  /** Years after the youngest involved child's date of birth. */
  childYears: number;
  /** Years after the case closed, for cases with no child involved. */
  otherYears: number;
}

export const defaultRetention: RetentionRules = { childYears: 25, otherYears: 6 };

export const retentionLimits = { min: 1, max: 100 } as const;

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // 29 February moves to 28 February in a year without one.
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/**
 * When a closed case is due for review (YYYY-MM-DD). Without a date of birth for a child involved
 * (a child the school does not know), the child protection period runs from closure instead,
 * which keeps the record at least as long as the rule asks.
 */
export function reviewDateFor(
  closedOn: string,
  childInvolved: boolean,
  pupilDatesOfBirth: readonly string[],
  rules: RetentionRules,
): string {
  if (!childInvolved) return addYears(closedOn, rules.otherYears);
  const youngest = [...pupilDatesOfBirth].sort().at(-1);
  const fromBirth = youngest ? addYears(youngest, rules.childYears) : undefined;
  const fromClosure = addYears(closedOn, rules.childYears);
  return fromBirth && fromBirth > closedOn ? fromBirth : fromClosure;
}

/** The rules a form gives, or what to correct in each. */
export function readRetentionRules(values: {
  childYears: string;
  otherYears: string;
}): { ok: true; rules: RetentionRules } | { ok: false; errors: Partial<Record<keyof RetentionRules, string>> } {
  const errors: Partial<Record<keyof RetentionRules, string>> = {};
  const read = (text: string, name: keyof RetentionRules, what: string) => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value) || value < retentionLimits.min || value > retentionLimits.max) {
      errors[name] = `Enter ${what} as a whole number of years from ${retentionLimits.min} to ${retentionLimits.max}`;
    }
    return value;
  };
  const childYears = read(values.childYears, 'childYears', 'how long to keep records involving a child');
  const otherYears = read(values.otherYears, 'otherYears', 'how long to keep other records');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rules: { childYears, otherYears } };
}
