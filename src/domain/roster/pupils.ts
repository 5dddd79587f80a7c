// A pupils file: one row for each pupil on roll.
import { newPupilSchema, type NewPupil } from '../community/pupils.ts';
import { readDate, readYearGroup } from './cells.ts';
import { checkRow, duplicates, type RosterTable, type RowError } from './rows.ts';

export interface PupilRecord {
  /** The line of the file the pupil is on. */
  row: number;
  pupil: NewPupil;
}

export function readPupils(table: RosterTable<'pupils'>): { records: PupilRecord[]; errors: RowError[] } {
  const records: PupilRecord[] = [];
  const errors: RowError[] = [];
  for (const row of table.rows) {
    const check = checkRow('pupils', table, row);
    const candidate = {
      misId: check.text('misId'),
      legalGivenName: check.text('legalGivenName'),
      legalFamilyName: check.text('legalFamilyName'),
      preferredName: check.text('preferredName'),
      dateOfBirth: check.read('dateOfBirth', readDate),
      yearGroup: check.read('yearGroup', readYearGroup),
      className: check.text('className'),
    };
    const pupil = check.check(newPupilSchema, candidate);
    if (pupil) records.push({ row: row.line, pupil });
    errors.push(...check.errors);
  }
  const ids = table.rows.map((row) => ({ line: row.line, id: row.cell('misId') }));
  errors.push(
    ...duplicates(
      ids,
      table.heading('misId'),
      (id, first) => `MIS ID ${id} is also on row ${first}: each pupil needs their own MIS ID, on one row only`,
    ),
  );
  return { records, errors };
}
