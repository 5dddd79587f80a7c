// The rows of a school's file, read through Footprint's columns, and the errors found in them:
// each names the row (the line of the file) and the column as the school named it.
import type { z } from 'zod';
import type { CellResult } from './cells.ts';
import { rosterColumns, type ColumnKey, type RosterKind } from './columns.ts';
import type { CsvRow } from './csv.ts';
import type { FoundColumn } from './headings.ts';

export interface RowError {
  /** The line of the file on which the row starts; 1 is the heading row. */
  row: number;
  /** The column as the school named it, or Footprint's name for a column the file lacks. */
  field: string;
  /** What is wrong, and what to do about it. */
  message: string;
}

export interface TableRow<Kind extends RosterKind> {
  line: number;
  /** The cell, trimmed; undefined when blank or when the file has no such column. */
  cell: (key: ColumnKey<Kind>) => string | undefined;
}

export interface RosterTable<Kind extends RosterKind> {
  rows: TableRow<Kind>[];
  /** The column as the school named it, or Footprint's name when the file has no such column. */
  heading: (key: ColumnKey<Kind>) => string;
  /** Footprint's name for the column, for messages. */
  label: (key: ColumnKey<Kind>) => string;
}

const columnOf = <Kind extends RosterKind>(kind: Kind, key: ColumnKey<Kind>) =>
  (rosterColumns[kind] as readonly { key: string; name: string; required: boolean }[]).find((c) => c.key === key);

/** The rows with something in them; a file saved from a spreadsheet often ends in rows of commas. */
export function tableOf<Kind extends RosterKind>(
  kind: Kind,
  found: ReadonlyMap<ColumnKey<Kind>, FoundColumn>,
  csvRows: readonly CsvRow[],
): RosterTable<Kind> {
  const rows = csvRows
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
    .map((row) => ({
      line: row.line,
      cell: (key: ColumnKey<Kind>) => {
        const index = found.get(key)?.index;
        // Line breaks and runs of spaces in a name are slips of the keyboard.
        const text = index === undefined ? undefined : row.cells[index]?.replace(/\s+/g, ' ').trim();
        return text === '' ? undefined : text;
      },
    }));
  const label = (key: ColumnKey<Kind>) => columnOf(kind, key)?.name ?? key;
  return { rows, heading: (key) => found.get(key)?.heading ?? label(key), label };
}

/** The checks of one row, which note at most one error for each column. */
export function checkRow<Kind extends RosterKind>(kind: Kind, table: RosterTable<Kind>, row: TableRow<Kind>) {
  const errors: RowError[] = [];
  const failed = new Set<string>();
  const { label } = table;
  const fail = (key: ColumnKey<Kind>, message: string) => {
    if (failed.has(key)) return;
    failed.add(key);
    errors.push({ row: row.line, field: table.heading(key), message });
  };
  const text = (key: ColumnKey<Kind>) => {
    const value = row.cell(key);
    if (value === undefined && columnOf(kind, key)?.required) fail(key, `${label(key)} is blank: fill it in`);
    return value;
  };

  return {
    errors,
    fail,
    text,
    read<T>(key: ColumnKey<Kind>, reader: (text: string) => CellResult<T>): T | undefined {
      const value = text(key);
      if (value === undefined) return undefined;
      const result = reader(value);
      if (result.ok) return result.value;
      fail(key, `${label(key)} "${value}" ${result.reason}`);
      return undefined;
    },
    /** The schema's value, when it and every earlier check of the row pass. */
    check<T>(schema: z.ZodType<T>, candidate: Partial<Record<ColumnKey<Kind>, unknown>>): T | undefined {
      const result = schema.safeParse(candidate);
      if (result.success) return failed.size === 0 ? result.data : undefined;
      for (const issue of result.error.issues) {
        const key = issue.path[0];
        if (typeof key !== 'string' || !(key in candidate)) {
          errors.push({ row: row.line, field: '', message: issue.message });
          continue;
        }
        const column = key as ColumnKey<Kind>;
        const value = row.cell(column);
        const message =
          issue.code === 'too_big'
            ? `${label(column)} is too long: use ${String(issue.maximum)} characters or fewer`
            : value === undefined
              ? issue.message
              : `${label(column)} "${value}": ${issue.message}`;
        fail(column, message);
      }
      return undefined;
    },
  };
}

/** An error on every row whose id an earlier row already has. */
export function duplicates(
  entries: readonly { line: number; id: string | undefined }[],
  field: string,
  message: (id: string, firstLine: number) => string,
): RowError[] {
  const firstLine = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { line, id } of entries) {
    if (id === undefined) continue;
    const first = firstLine.get(id);
    if (first === undefined) firstLine.set(id, line);
    else errors.push({ row: line, field, message: message(id, first) });
  }
  return errors;
}
