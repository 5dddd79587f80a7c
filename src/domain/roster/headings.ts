// Finding Footprint's columns among the headings of a school's file.
import { headingKey, rosterColumns, type ColumnKey, type RosterKind } from './columns.ts';
import type { RowError } from './rows.ts';

export interface FoundColumn {
  index: number;
  /** The heading as the school wrote it. */
  heading: string;
}

export type HeadingsResult<Kind extends RosterKind> =
  | { ok: true; found: Map<ColumnKey<Kind>, FoundColumn>; warnings: string[] }
  | { ok: false; errors: RowError[]; warnings: string[] };

const quoted = (headings: readonly string[]) => headings.map((h) => `"${h}"`).join(', ');

export function matchHeadings<Kind extends RosterKind>(
  kind: Kind,
  headings: readonly string[],
  line: number,
): HeadingsResult<Kind> {
  const columns: readonly { key: ColumnKey<Kind>; name: string; required: boolean; variants: readonly string[] }[] =
    rosterColumns[kind];
  const found = new Map<ColumnKey<Kind>, FoundColumn>();
  const used = new Set<number>();
  const errors: RowError[] = [];
  const warnings: string[] = [];

  for (const column of columns) {
    const accepted = [column.name, ...column.variants].map(headingKey);
    const matches = headings
      .map((heading, index) => ({ index, heading: heading.trim(), rank: accepted.indexOf(headingKey(heading)) }))
      .filter((match) => match.rank >= 0)
      .sort((a, b) => a.rank - b.rank || a.index - b.index);
    const [chosen, ...others] = matches;
    matches.forEach((match) => used.add(match.index));
    if (chosen) {
      found.set(column.key, chosen);
      if (others.length > 0) {
        const all = quoted(matches.map((m) => m.heading));
        warnings.push(`${all} could each be the ${column.name} column: Footprint used "${chosen.heading}".`);
      }
    } else if (column.required) {
      errors.push({
        row: line,
        field: column.name,
        message:
          `There is no ${column.name} column: add one headed "${column.name}" ` +
          `(Footprint also accepts ${quoted(column.variants)})`,
      });
    }
  }

  const ignored = headings.map((h) => h.trim()).filter((h, index) => h !== '' && !used.has(index));
  if (ignored.length > 0) {
    warnings.push(`Footprint does not use, and did not keep, these columns: ${quoted(ignored)}.`);
  }
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, found, warnings };
}
