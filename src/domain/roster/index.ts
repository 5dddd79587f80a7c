export { readRoster, type RosterRecords, type RosterResult } from './validate.ts';
export { rosterColumns, rosterKinds, type RosterColumn, type RosterKind } from './columns.ts';
export { rosterTemplate } from './templates.ts';
export { parseCsv, formatCsv, type CsvRow, type CsvResult } from './csv.ts';
export type { RowError } from './rows.ts';
export type { StaffRecord } from './staff.ts';
export type { PupilRecord } from './pupils.ts';
export type { ContactRecord, ContactLink } from './contacts.ts';
