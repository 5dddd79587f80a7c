// Random audit chains for property tests, sealed exactly as the log seals them.
import fc from 'fast-check';
import { sha256Hex } from '../../../src/adapters/crypto/hash.ts';
import {
  auditActions,
  chainStart,
  sealAuditEntry,
  type AuditEntry,
  type ChainHead,
  type NewAuditEntry,
} from '../../../src/domain/audit/index.ts';

export const schoolId = '6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';

const detailValue = fc.oneof(
  fc.uuid(),
  fc.constantFrom('governor', 'wrong_password', 'incident'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('teacher', 'dsl', 'deputy_dsl'), { maxLength: 3 }),
);

export const newEntryArbitrary: fc.Arbitrary<NewAuditEntry> = fc.record(
  {
    schoolId: fc.constant(schoolId),
    at: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
    actorPersonId: fc.option(fc.uuid(), { nil: null }),
    action: fc.constantFrom(...auditActions),
    subject: fc.record({ kind: fc.constantFrom('incident', 'person', 'declaration'), id: fc.uuid() }),
    details: fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/), detailValue, { maxKeys: 4 }),
  },
  { requiredKeys: ['schoolId', 'at', 'actorPersonId', 'action'] },
);

export interface Chain {
  entries: AuditEntry[];
  head: ChainHead;
}

export function sealAll(news: readonly NewAuditEntry[]): Chain {
  const entries: AuditEntry[] = [];
  let head = chainStart;
  for (const entry of news) {
    const sealed = sealAuditEntry(entry, head, sha256Hex);
    entries.push(sealed);
    head = { seq: sealed.seq, hash: sealed.hash };
  }
  return { entries, head };
}

export const chainArbitrary = (minLength = 1): fc.Arbitrary<Chain> =>
  fc.array(newEntryArbitrary, { minLength, maxLength: 12 }).map(sealAll);
