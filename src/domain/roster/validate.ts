// Reading a school's roster file: CSV text in, typed records out, or every error in the file
// at once, so the office can fix them all before uploading again.
import type { RosterKind } from './columns.ts';
import { readContacts, type ContactRecord } from './contacts.ts';
import { parseCsv, type CsvRow } from './csv.ts';
import { matchHeadings } from './headings.ts';
import { readPupils, type PupilRecord } from './pupils.ts';
import { tableOf, type RosterTable, type RowError } from './rows.ts';
import { readStaff, type StaffRecord } from './staff.ts';

export interface RosterRecords {
  staff: StaffRecord;
  pupils: PupilRecord;
  /** One for each contact, with their links to pupils gathered from every row they are on. */
  contacts: ContactRecord;
}

export type RosterResult<Kind extends RosterKind> =
  { ok: true; rows: RosterRecords[Kind][]; warnings: string[] } | { ok: false; errors: RowError[]; warnings: string[] };

type Readers = {
  [Kind in RosterKind]: (table: RosterTable<Kind>) => {
    records: RosterRecords[Kind][];
    errors: RowError[];
    warnings?: string[];
  };
};
const readers: Readers = { staff: readStaff, pupils: readPupils, contacts: readContacts };

export function readRoster<Kind extends RosterKind>(kind: Kind, text: string): RosterResult<Kind> {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ row: csv.line, field: '', message: csv.message }], warnings: [] };
  const [headingRow, ...dataRows] = csv.rows;
  if (!headingRow) {
    const message = `The file is empty: export the ${kind} list from your MIS, or fill in Footprint’s template`;
    return { ok: false, errors: [{ row: 1, field: '', message }], warnings: [] };
  }
  const headings = matchHeadings(kind, headingRow.cells, headingRow.line);
  if (!headings.ok) return headings;

  const table = tableOf(kind, headings.found, dataRows);
  if (table.rows.length === 0) {
    const message = `The file has a heading row but no ${kind} under it: check that you exported the right list`;
    return { ok: false, errors: [{ row: headingRow.line, field: '', message }], warnings: headings.warnings };
  }
  const read = readers[kind](table);
  const warnings = [...headings.warnings, ...(read.warnings ?? [])];
  const errors = [...fileErrors(headingRow.cells, dataRows), ...read.errors];
  if (errors.length === 0) return { ok: true, rows: read.records, warnings };

  const position = (field: string) => headingRow.cells.findIndex((heading) => heading.trim() === field);
  errors.sort((a, b) => a.row - b.row || position(a.field) - position(b.field));
  return { ok: false, errors, warnings };
}

/** Errors in the shape of the file rather than in what a cell says. */
function fileErrors(headings: readonly string[], rows: readonly CsvRow[]): RowError[] {
  const errors: RowError[] = rows
    .filter((row) => row.cells.slice(headings.length).some((cell) => cell.trim() !== ''))
    .map((row) => ({
      row: row.line,
      field: '',
      message:
        'This row has more cells than there are headings: look for a comma that should not be there, ' +
        'or put double quotes around a cell that contains a comma',
    }));
  // A file saved by Excel as plain "CSV" rather than "CSV UTF-8" loses its accented letters on the way in.
  const garbled = rows.filter((row) => row.cells.some((cell) => cell.includes('\uFFFD')));
  const [first] = garbled;
  if (first) {
    const index = first.cells.findIndex((cell) => cell.includes('\uFFFD'));
    const others = garbled.length - 1;
    const more = others === 0 ? '' : others === 1 ? ', and so does 1 more row' : `, and so do ${others} more rows`;
    errors.push({
      row: first.line,
      field: headings[index]?.trim() ?? '',
      message:
        `"${first.cells[index]?.trim()}" has letters Footprint could not read${more}: ` +
        'save the file as "CSV UTF-8" (in Excel: File, Save As, CSV UTF-8) and upload it again',
    });
  }
  return errors;
}
