// How an entry is sealed, what its hash covers, what may go in it, and how a verdict reads.
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/adapters/crypto/hash.ts';
import {
  canonicalText,
  chainStart,
  describeChainVerdict,
  newAuditEntryProblem,
  sealAuditEntry,
  verifyChain,
  type NewAuditEntry,
} from '../../../src/domain/audit/index.ts';
import { schoolId, sealAll } from './arbitraries.ts';

const readIncident: NewAuditEntry = {
  schoolId,
  at: new Date('2026-03-29T01:30:00.123+01:00'),
  actorPersonId: '0b7e4f6a-1c2d-4e3f-9a8b-7c6d5e4f3a2b',
  action: 'record_read',
  subject: { kind: 'incident', id: '42' },
  details: { reason: 'review', 10: true, because: null, roles: ['dsl', 'teacher'] },
};

describe('An audit entry', () => {
  it('is sealed over one fixed text: keys in order, details sorted, the time in UTC', () => {
    const first = sealAuditEntry(readIncident, chainStart, sha256Hex);
    const text =
      `{"school":"${schoolId}","at":"2026-03-29T00:30:00.123Z","actor":"0b7e4f6a-1c2d-4e3f-9a8b-7c6d5e4f3a2b",` +
      `"action":"record_read","subject":["incident","42"],` +
      `"details":{"10":true,"because":null,"reason":"review","roles":["dsl","teacher"]},` +
      `"previous":"${'0'.repeat(64)}"}`;
    expect(canonicalText(first)).toBe(text);
    expect(first).toMatchObject({ seq: 1, previousHash: chainStart.hash, hash: sha256Hex(text) });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the same whatever order its details were given in, and links to the entry before', () => {
    const first = sealAuditEntry(readIncident, chainStart, sha256Hex);
    const reordered = {
      ...readIncident,
      details: { roles: ['dsl', 'teacher'], because: null, 10: true, reason: 'review' },
    };
    expect(sealAuditEntry(reordered, chainStart, sha256Hex).hash).toBe(first.hash);
    const second = sealAuditEntry({ ...readIncident, action: 'signed_out' }, first, sha256Hex);
    expect(second).toMatchObject({ seq: 2, previousHash: first.hash });
    expect(second.details).toEqual(readIncident.details);
  });

  it('tells apart no subject, no actor and no details from empty ones', () => {
    const plain = sealAuditEntry(
      { schoolId, at: readIncident.at, actorPersonId: null, action: 'sign_in_failed' },
      chainStart,
      sha256Hex,
    );
    expect(canonicalText(plain)).toContain('"actor":null,"action":"sign_in_failed","subject":null,"details":{}');
    const emptySubject = { ...plain, subject: { kind: '', id: '' } };
    expect(canonicalText(emptySubject)).not.toBe(canonicalText(plain));
    // Details read back from a tampered row may be anything, and must still hash differently.
    expect(canonicalText({ ...plain, details: 5 as never })).not.toBe(canonicalText(plain));
    expect(canonicalText({ ...plain, details: [] as never })).not.toBe(canonicalText(plain));
  });

  it('refuses details that are nested, addresses, or not numbers that JSON can hold', () => {
    expect(
      newAuditEntryProblem({ ...readIncident, details: { reason: 'review', roles: ['dsl'], n: 2 } }),
    ).toBeUndefined();
    expect(newAuditEntryProblem(readIncident)).toMatch(/detail name "10"/);
    const withDetails = (details: unknown) => newAuditEntryProblem({ ...readIncident, details: details as never });
    expect(withDetails({ email: 'head@oakfield.example.org' })).toMatch(/looks like an email address/);
    expect(withDetails({ nested: { a: 1 } })).toMatch(/must be text, a number/);
    expect(withDetails({ count: Number.NaN })).toMatch(/not a finite number/);
    expect(withDetails({ 'Full Name': 'x' })).toMatch(/not a short camelCase name/);
    expect(withDetails({ note: 'x'.repeat(201) })).toMatch(/longer than 200/);
    expect(withDetails({ note: 'a\u0000b' })).toMatch(/cannot be stored/);
    expect(newAuditEntryProblem({ ...readIncident, subject: { kind: 'person', id: 'a@b.example' } })).toMatch(
      /subject looks like an email/,
    );
    expect(newAuditEntryProblem({ ...readIncident, at: new Date(Number.NaN) })).toMatch(/not a valid date/);
    expect(newAuditEntryProblem({ ...readIncident, action: 'deleted_everything' as never })).toMatch(
      /not an audit action/,
    );
  });
});

describe('A chain', () => {
  const { entries, head } = sealAll(Array.from({ length: 5 }, (_, i) => ({ ...readIncident, details: { n: i } })));

  it('with no entries and no head is sound', () => {
    expect(verifyChain([], chainStart, sha256Hex)).toEqual({ ok: true, entries: 0 });
  });

  it('is altered at the last entry when the head records another hash for it', () => {
    expect(verifyChain(entries, { ...head, hash: sha256Hex('another') }, sha256Hex)).toEqual({
      ok: false,
      seq: 5,
      problem: 'altered',
    });
  });

  it('has entries removed when the head names more than there are', () => {
    expect(verifyChain([], head, sha256Hex)).toEqual({ ok: false, seq: 1, problem: 'removed' });
    expect(verifyChain(entries, { seq: 7, hash: head.hash }, sha256Hex)).toEqual({
      ok: false,
      seq: 6,
      problem: 'removed',
    });
  });

  it('reports only the first problem when there are several', () => {
    const broken = entries.filter((e) => e.seq !== 2).map((e) => (e.seq === 4 ? { ...e, hash: 'x' } : e));
    expect(verifyChain(broken, head, sha256Hex)).toEqual({ ok: false, seq: 2, problem: 'removed' });
  });
});

describe('A verdict in words', () => {
  it('counts entries with thousands separated, and names the first broken entry', () => {
    expect(describeChainVerdict({ ok: true, entries: 1204 })).toBe('1,204 entries, chain intact');
    expect(describeChainVerdict({ ok: true, entries: 1 })).toBe('1 entry, chain intact');
    expect(describeChainVerdict({ ok: false, seq: 57, problem: 'altered' })).toBe('chain broken: entry 57 was altered');
    expect(describeChainVerdict({ ok: false, seq: 3, problem: 'removed' })).toBe('chain broken: entry 3 was removed');
    expect(describeChainVerdict({ ok: false, seq: 9, problem: 'reordered' })).toBe(
      'chain broken: entry 9 was moved out of order',
    );
  });
});
