// What services write on a school's audit log, inside the unit of work of the action it records.
import type { NewAuditEntry } from '../domain/audit/index.ts';

export type AuditNote = Omit<NewAuditEntry, 'at'>;
