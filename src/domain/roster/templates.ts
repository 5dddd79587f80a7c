// The template of each roster file, for schools whose MIS export needs tidying, or who have no MIS:
// Footprint's headings and two rows of invented people.
import { rosterColumns, type RosterKind } from './columns.ts';
import { formatCsv } from './csv.ts';

const examples: Record<RosterKind, readonly (readonly string[])[]> = {
  staff: [
    ['S0101', 'Helen', 'Marsh', '', 'h.marsh@oakfield.example.org', '01632 960 101', 'Headteacher', 'Headteacher; DSL'],
    ['S0142', 'Rajesh', 'Patel', 'Raj', 'r.patel@oakfield.example.org', '', 'Year 3 teacher', 'Teacher; Deputy DSL'],
  ],
  pupils: [
    ['1001', 'Amara', 'Okafor', '', '14/11/2019', 'Year 3', 'Willow'],
    ['1002', 'Thomas', 'Brennan', 'Tom', '02/03/2022', 'Reception', 'Robins'],
  ],
  contacts: [
    ['C501', 'Grace', 'Okafor', 'grace.okafor@example.com', '07700 900 123', '1001', 'Mother', 'Yes', '1'],
    ['C502', 'Declan', 'Brennan', 'declan.brennan@example.com', '07700 900 456', '1002', 'Father', 'Yes', '1'],
  ],
};

/** The CSV text of the template for one kind of file. */
export function rosterTemplate(kind: RosterKind): string {
  const headings = rosterColumns[kind].map((column) => column.name);
  return formatCsv([headings, ...examples[kind]]);
}
