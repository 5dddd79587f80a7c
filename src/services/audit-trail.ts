// One line for services to put something on the school's audit log, inside their transaction.
import type { NewAuditEntry } from '../domain/audit/index.ts';
import type { Store } from './ports.ts';

export type AuditNote = Omit<NewAuditEntry, 'at'>;

export async function recordAudit(store: Store, note: AuditNote, at: Date): Promise<void> {
  await store.audit.append({ ...note, at });
}
