// Importing a school's roster from its management information system: check the whole file
// first, then write all of it in one unit of work or none of it. Re-importing updates by MIS id,
// and pupils missing from a new pupils file are marked as left, never deleted.
import { readRoster, type RosterKind, type RowError } from '../domain/roster/index.ts';
import type { Adapters, SchoolStore } from './ports.ts';

export interface ImportSummary {
  added: number;
  updated: number;
  /** Pupils no longer in the file, now marked as having left. */
  markedLeft: number;
  /** Carer-to-pupil links written (contacts only). */
  links: number;
}

export type ImportResult =
  { ok: true; summary: ImportSummary; warnings: string[] } | { ok: false; errors: RowError[]; warnings: string[] };

async function importPupils(store: SchoolStore, text: string, today: string): Promise<ImportResult> {
  const read = readRoster('pupils', text);
  if (!read.ok) return read;
  const written = await store.roster.upsertPupils(read.rows.map((r) => r.pupil));
  const markedLeft = await store.roster.markPupilsLeft(
    read.rows.map((r) => r.pupil.misId),
    today,
  );
  return {
    ok: true,
    summary: { added: written.added, updated: written.updated, markedLeft, links: 0 },
    warnings: read.warnings,
  };
}

async function importStaff(store: SchoolStore, text: string): Promise<ImportResult> {
  const read = readRoster('staff', text);
  if (!read.ok) return read;
  const written = await store.roster.upsertPeopleWithRole(
    read.rows.map((r) => ({
      person: r.person,
      role: { role: 'staff', jobTitle: r.jobTitle ?? 'Member of staff', duties: r.duties },
    })),
  );
  return {
    ok: true,
    summary: { added: written.added, updated: written.updated, markedLeft: 0, links: 0 },
    warnings: read.warnings,
  };
}

async function importContacts(store: SchoolStore, text: string): Promise<ImportResult> {
  const read = readRoster('contacts', text);
  if (!read.ok) return read;
  const pupils = await store.roster.pupilIdsByMisId();
  const errors = read.rows.flatMap((contact) =>
    contact.links
      .filter((link) => !pupils.has(link.pupilMisId))
      .map((link) => ({
        row: link.row,
        field: 'Pupil MIS ID',
        message: `No pupil with MIS ID ${link.pupilMisId} is on this school's roll: import the pupils file first, or correct the ID`,
      })),
  );
  if (errors.length > 0) return { ok: false, errors, warnings: read.warnings };
  const written = await store.roster.upsertPeopleWithRole(
    read.rows.map((r) => ({ person: r.person, role: { role: 'parent' } })),
  );
  const links = read.rows.flatMap((contact) =>
    contact.links.map((link) => ({
      pupilId: pupils.get(link.pupilMisId) ?? '',
      carerId: written.ids.get(contact.person.misId) ?? '',
      relationship: link.relationship,
      parentalResponsibility: link.parentalResponsibility,
      ...(link.contactPriority === undefined ? {} : { contactPriority: link.contactPriority }),
    })),
  );
  await store.roster.upsertCarerLinks(links);
  return {
    ok: true,
    summary: { added: written.added, updated: written.updated, markedLeft: 0, links: links.length },
    warnings: read.warnings,
  };
}

/** Checks and imports one file into the school of the caller's unit of work. */
function importInto(store: SchoolStore, kind: RosterKind, text: string, today: string): Promise<ImportResult> {
  if (kind === 'pupils') return importPupils(store, text, today);
  if (kind === 'staff') return importStaff(store, text);
  return importContacts(store, text);
}

export function createRosterService({ units }: Pick<Adapters, 'units'>) {
  return {
    /** Checks and imports one file; on any error nothing is written and every error is returned. */
    import(schoolId: string, kind: RosterKind, text: string, today: string): Promise<ImportResult> {
      return units.inSchool(schoolId, (store) => importInto(store, kind, text, today));
    },

    /** The same import, inside a unit of work the caller already holds (a reviewed import from the people pages). */
    importInto,
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
