// The exact text an entry's hash is taken over. It must come out the same on any machine, from
// any database, for years: keys in a fixed order, details sorted by name, times in ISO 8601 UTC.
import type { AuditDetails, AuditEntry } from './entry.ts';

/** What the hash covers: everything but the hash itself and the sequence number (see chain.ts). */
export type SealedContent = Pick<
  AuditEntry,
  'schoolId' | 'at' | 'actorPersonId' | 'action' | 'subject' | 'details' | 'previousHash'
>;

function sortedDetails(details: AuditDetails): string {
  // Details read back from the database are whatever is stored there, even if not an object.
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return JSON.stringify(details);
  const names = Object.keys(details).sort();
  return `{${names.map((name) => `${JSON.stringify(name)}:${JSON.stringify(details[name])}`).join(',')}}`;
}

export function canonicalText(entry: SealedContent): string {
  const fields: [string, string][] = [
    ['school', JSON.stringify(entry.schoolId)],
    ['at', JSON.stringify(entry.at.toISOString())],
    ['actor', JSON.stringify(entry.actorPersonId)],
    ['action', JSON.stringify(entry.action)],
    ['subject', entry.subject ? JSON.stringify([entry.subject.kind, entry.subject.id]) : 'null'],
    ['details', sortedDetails(entry.details)],
    ['previous', JSON.stringify(entry.previousHash)],
  ];
  return `{${fields.map(([name, value]) => `"${name}":${value}`).join(',')}}`;
}
