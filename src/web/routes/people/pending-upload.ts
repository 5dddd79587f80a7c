// A roster file between its preview and its import, kept in the server-side session (never in a
// cookie), compressed. It belongs to one account at one school, and is dropped once imported,
// when another file replaces it, after an hour, or with the session itself.
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import type { RosterKind } from '../../../domain/roster/index.ts';
import type { ImportSummary } from '../../../services/roster.ts';

interface StoredUpload {
  id: string;
  schoolId: string;
  accountId: string;
  kind: RosterKind;
  fileName: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** The file's text, gzipped, in base64. */
  content: string;
}

/** The figures of the last import, for the page that reports them. */
export interface ImportReport {
  kind: RosterKind;
  fileName: string;
  summary: ImportSummary;
  warnings: string[];
}

declare module 'fastify' {
  interface Session {
    rosterUpload?: StoredUpload;
    rosterImported?: ImportReport;
    /** Why the last confirmation was refused, shown once on the check page. */
    rosterRefusal?: string;
  }
}

export interface PendingUpload {
  id: string;
  kind: RosterKind;
  fileName: string;
  text: string;
}

const keptForMs = 60 * 60 * 1000;

const ownerOf = (request: FastifyRequest) => {
  const { viewer } = request;
  if (!viewer) throw new Error('Only a signed-in person has uploads');
  return { schoolId: viewer.school.id, accountId: viewer.account.id };
};

export function keepUpload(request: FastifyRequest, upload: Omit<PendingUpload, 'id'>, now: Date): string {
  const id = randomUUID();
  request.session.rosterUpload = {
    id,
    ...ownerOf(request),
    kind: upload.kind,
    fileName: upload.fileName,
    savedAt: now.getTime(),
    content: gzipSync(upload.text).toString('base64'),
  };
  return id;
}

export type UploadLookup = { found: PendingUpload } | { found: undefined; expired: boolean };

/** The viewer's waiting file; one left more than an hour is removed instead. */
export function pendingUpload(request: FastifyRequest, now: Date): UploadLookup {
  const stored = request.session.rosterUpload;
  if (!stored) return { found: undefined, expired: false };
  const owner = ownerOf(request);
  const stale = now.getTime() - stored.savedAt >= keptForMs;
  if (stale || stored.schoolId !== owner.schoolId || stored.accountId !== owner.accountId) {
    request.session.rosterUpload = undefined;
    return { found: undefined, expired: stale };
  }
  const text = gunzipSync(Buffer.from(stored.content, 'base64')).toString('utf8');
  return { found: { id: stored.id, kind: stored.kind, fileName: stored.fileName, text } };
}

export function dropUpload(request: FastifyRequest): void {
  request.session.rosterUpload = undefined;
}
