// A staff file: one row for each member of staff.
import { z } from 'zod';
import { newPersonSchema, type NewPerson, type StaffDuty } from '../community/people.ts';
import { checkRow, duplicates, type RosterTable, type RowError } from './rows.ts';
import { readDuties } from './vocabulary.ts';

export interface StaffRecord {
  /** The line of the file the member of staff is on. */
  row: number;
  person: NewPerson & { misId: string };
  jobTitle?: string;
  duties: StaffDuty[];
}

const staffSchema = newPersonSchema.extend({ jobTitle: z.string().max(120).optional() });

export function readStaff(table: RosterTable<'staff'>): { records: StaffRecord[]; errors: RowError[] } {
  const records: StaffRecord[] = [];
  const errors: RowError[] = [];
  for (const row of table.rows) {
    const check = checkRow('staff', table, row);
    const misId = check.text('misId');
    const candidate = {
      misId,
      givenName: check.text('givenName'),
      familyName: check.text('familyName'),
      preferredName: check.text('preferredName'),
      email: check.text('email'),
      phone: check.text('phone'),
      jobTitle: check.text('jobTitle'),
    };
    const duties = check.read('duties', readDuties) ?? [];
    const checked = check.check(staffSchema, candidate);
    if (checked && misId !== undefined) {
      const { jobTitle, ...person } = checked;
      records.push({ row: row.line, person: { misId, ...person }, jobTitle, duties });
    }
    errors.push(...check.errors);
  }
  errors.push(
    ...duplicates(
      table.rows.map((row) => ({ line: row.line, id: row.cell('misId') })),
      table.heading('misId'),
      (id, first) =>
        `MIS ID ${id} is also on row ${first}: each member of staff needs their own MIS ID, on one row only`,
    ),
    ...duplicates(
      table.rows.map((row) => ({ line: row.line, id: row.cell('email')?.toLowerCase() })),
      table.heading('email'),
      (email, first) =>
        `Work email ${email} is also on row ${first}: each member of staff needs their own email address`,
    ),
  );
  return { records, errors };
}
