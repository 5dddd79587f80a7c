// A contacts file: one row for each link between a contact (a parent or carer) and a child, so a
// contact with three children at the school is on three rows, their own details repeated on each.
import { z } from 'zod';
import { newPersonSchema, type NewPerson } from '../community/people.ts';
import type { CarerRelationship } from '../community/pupils.ts';
import { readPriority, readYesNo } from './cells.ts';
import { checkRow, type RosterTable, type RowError } from './rows.ts';
import { relationshipFor } from './vocabulary.ts';

export interface ContactLink {
  /** The line of the file the link is on. */
  row: number;
  pupilMisId: string;
  relationship: CarerRelationship;
  parentalResponsibility: boolean;
  /** 1 is the first to contact. */
  contactPriority?: number;
}

export interface ContactRecord {
  /** Every line of the file the contact is on. */
  rows: number[];
  person: NewPerson & { misId: string };
  links: ContactLink[];
}

const contactRowSchema = newPersonSchema.extend({ pupilMisId: z.string().max(40) });
const details = ['givenName', 'familyName', 'email', 'phone'] as const;
type Detail = (typeof details)[number];

/** Details compared as a person would: "SMITH" is "Smith", and spaces in a phone number do not matter. */
const comparable = (detail: Detail, value: string) =>
  detail === 'phone' ? value.replace(/[^\d+]/g, '') : value.toLowerCase().replace(/\s+/g, ' ');

interface Gathered {
  record: ContactRecord;
  /** The row each of the contact's details was first given on. */
  seenOn: Record<Detail, number>;
}

export function readContacts(table: RosterTable<'contacts'>): {
  records: ContactRecord[];
  errors: RowError[];
  warnings: string[];
} {
  const contacts = new Map<string, Gathered>();
  const unknownRelationships = new Map<string, number[]>();
  const errors: RowError[] = [];

  for (const row of table.rows) {
    const check = checkRow('contacts', table, row);
    const relationshipText = check.text('relationship');
    const known = relationshipText === undefined ? undefined : relationshipFor(relationshipText);
    if (relationshipText !== undefined && known === undefined) {
      unknownRelationships.set(relationshipText, [...(unknownRelationships.get(relationshipText) ?? []), row.line]);
    }
    const parentalResponsibility = check.read('parentalResponsibility', readYesNo);
    const contactPriority = check.read('contactPriority', readPriority);
    const checked = check.check(contactRowSchema, {
      misId: check.text('misId'),
      givenName: check.text('givenName'),
      familyName: check.text('familyName'),
      email: check.text('email'),
      phone: check.text('phone'),
      pupilMisId: check.text('pupilMisId'),
    });
    errors.push(...check.errors);
    if (!checked || relationshipText === undefined || parentalResponsibility === undefined) continue;
    const { pupilMisId, misId, ...person } = checked;
    if (misId === undefined) continue;
    const link = { row: row.line, pupilMisId, relationship: known ?? 'other', parentalResponsibility, contactPriority };
    const gathered = contacts.get(misId);
    if (gathered) {
      errors.push(...gather(gathered, { misId, ...person }, link, table));
    } else {
      const line = row.line;
      const seenOn = { givenName: line, familyName: line, email: line, phone: line };
      contacts.set(misId, { record: { rows: [line], person: { misId, ...person }, links: [link] }, seenOn });
    }
  }

  const warnings = [...unknownRelationships].map(
    ([words, lines]) =>
      `Relationship "${words}" (row${lines.length > 1 ? 's' : ''} ${lines.join(', ')}) is not one Footprint knows, ` +
      'so it was read as Other.',
  );
  return { records: [...contacts.values()].map(({ record }) => record), errors, warnings };
}

/** Adds a later row of a contact to what earlier rows gave, or says how it disagrees with them. */
function gather(
  { record, seenOn }: Gathered,
  person: ContactRecord['person'],
  link: ContactLink,
  table: RosterTable<'contacts'>,
): RowError[] {
  const errors: RowError[] = [];
  for (const detail of details) {
    const before = record.person[detail];
    const now = person[detail];
    if (now === undefined) continue;
    if (before === undefined) {
      record.person[detail] = now;
      seenOn[detail] = link.row;
    } else if (comparable(detail, before) !== comparable(detail, now)) {
      const message =
        `${table.label(detail)} "${now}" is not the same as on row ${seenOn[detail]} ("${before}"): ` +
        'a contact’s own details must be the same on every row they are on';
      errors.push({ row: link.row, field: table.heading(detail), message });
    }
  }
  const linkedBefore = record.links.find((other) => other.pupilMisId === link.pupilMisId);
  if (linkedBefore) {
    const message = `Contact ${person.misId} is already linked to pupil ${link.pupilMisId} on row ${linkedBefore.row}: remove one of the two rows`;
    errors.push({ row: link.row, field: table.heading('pupilMisId'), message });
  } else {
    record.rows.push(link.row);
    record.links.push(link);
  }
  return errors;
}
