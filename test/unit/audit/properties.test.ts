// Whatever one change is made to a sound chain, the check names the entry where it was made.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/adapters/crypto/hash.ts';
import {
  auditActions,
  endChainWalk,
  startChainWalk,
  verifyChain,
  walkChain,
  type AuditEntry,
} from '../../../src/domain/audit/index.ts';
import { chainArbitrary, type Chain } from './arbitraries.ts';

const flip = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`;

/** One way to change each field of an entry; `nudge` (never 0) picks among several. */
const tamperings: Record<keyof AuditEntry, (entry: AuditEntry, nudge: number) => AuditEntry> = {
  schoolId: (e, nudge) => ({ ...e, schoolId: `${e.schoolId.slice(0, -2)}${String(Math.abs(nudge) % 10)}x` }),
  seq: (e, nudge) => ({ ...e, seq: e.seq + nudge }),
  at: (e, nudge) => ({ ...e, at: new Date(e.at.getTime() + nudge) }),
  actorPersonId: (e) => ({ ...e, actorPersonId: e.actorPersonId === null ? e.schoolId : null }),
  action: (e, nudge) => {
    const others = auditActions.filter((action) => action !== e.action);
    return { ...e, action: others[Math.abs(nudge) % others.length] ?? 'sign_in' };
  },
  subject: (e, nudge) => {
    if (!e.subject) return { ...e, subject: { kind: 'incident', id: String(nudge) } };
    if (nudge > 0) return { ...e, subject: { ...e.subject, id: flip(e.subject.id) } };
    const { subject: _gone, ...rest } = e;
    return rest;
  },
  details: (e, nudge) => {
    const [first] = Object.keys(e.details);
    if (first === undefined || nudge > 0) return { ...e, details: { ...e.details, addedAfterwards: nudge } };
    const { [first]: _gone, ...rest } = e.details;
    return { ...e, details: rest };
  },
  previousHash: (e) => ({ ...e, previousHash: flip(e.previousHash) }),
  hash: (e) => ({ ...e, hash: flip(e.hash) }),
};
const fields = Object.keys(tamperings) as (keyof AuditEntry)[];

const nudge = fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0);

/** A chain with one position in it, and sometimes a second, later one. */
const chainWithPlace = chainArbitrary().chain((chain) =>
  fc.record({ chain: fc.constant(chain), i: fc.nat({ max: chain.entries.length - 1 }) }),
);
const chainWithTwoPlaces = chainArbitrary(2).chain((chain) =>
  fc
    .uniqueArray(fc.nat({ max: chain.entries.length - 1 }), { minLength: 2, maxLength: 2 })
    .map((pair) => ({ chain, i: Math.min(...pair), j: Math.max(...pair) })),
);

function replaced({ entries }: Chain, i: number, entry: AuditEntry): AuditEntry[] {
  return entries.map((e, k) => (k === i ? entry : e));
}

describe('A sound audit chain', () => {
  it('checks out, with its number of entries', () => {
    fc.assert(
      fc.property(chainArbitrary(0), ({ entries, head }) => {
        expect(verifyChain(entries, head, sha256Hex)).toEqual({ ok: true, entries: entries.length });
      }),
    );
  });

  it('gives the same verdict read in batches of any size as read whole', () => {
    fc.assert(
      fc.property(
        chainWithPlace,
        fc.constantFrom(...fields),
        nudge,
        fc.integer({ min: 1, max: 5 }),
        (at, f, n, size) => {
          const { chain, i } = at;
          const entries = replaced(chain, i, tamperings[f](chain.entries[i]!, n));
          let walk = startChainWalk(chain.head);
          for (let k = 0; k < entries.length; k += size) walk = walkChain(walk, entries.slice(k, k + size), sha256Hex);
          expect(endChainWalk(walk)).toEqual(verifyChain(entries, chain.head, sha256Hex));
        },
      ),
    );
  });
});

describe('A chain changed in one place', () => {
  it('is altered at exactly the entry where any one field of one entry was changed', () => {
    fc.assert(
      fc.property(chainWithPlace, fc.constantFrom(...fields), nudge, ({ chain, i }, field, n) => {
        const entries = replaced(chain, i, tamperings[field](chain.entries[i]!, n));
        expect(verifyChain(entries, chain.head, sha256Hex)).toEqual({ ok: false, seq: i + 1, problem: 'altered' });
      }),
      { numRuns: 500 },
    );
  });

  it('has an entry removed at exactly the one taken out, the last one included', () => {
    fc.assert(
      fc.property(chainWithPlace, ({ chain, i }) => {
        const entries = chain.entries.filter((_, k) => k !== i);
        expect(verifyChain(entries, chain.head, sha256Hex)).toEqual({ ok: false, seq: i + 1, problem: 'removed' });
      }),
      { numRuns: 300 },
    );
  });

  it('is reordered at the first of two entries that changed places', () => {
    fc.assert(
      fc.property(chainWithTwoPlaces, ({ chain, i, j }) => {
        // As a table read in number order shows it: each entry has taken the other's number.
        const first = chain.entries[i]!;
        const second = chain.entries[j]!;
        const entries = chain.entries.map((e, k) =>
          k === i ? { ...second, seq: first.seq } : k === j ? { ...first, seq: second.seq } : e,
        );
        expect(verifyChain(entries, chain.head, sha256Hex)).toEqual({ ok: false, seq: i + 1, problem: 'reordered' });
      }),
      { numRuns: 300 },
    );
  });

  it('has an entry added when one is chained on without the head moving', () => {
    fc.assert(
      fc.property(chainArbitrary(), ({ entries }) => {
        const last = entries.at(-1)!;
        const headBefore = { seq: last.seq - 1, hash: last.previousHash };
        expect(verifyChain(entries, headBefore, sha256Hex)).toEqual({ ok: false, seq: last.seq, problem: 'added' });
      }),
    );
  });
});
