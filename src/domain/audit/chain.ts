// Each school's audit log is a hash chain: every entry's hash covers its content and the hash of
// the entry before it, and the chain head (last number and hash) is kept apart from the entries.
// Changing, removing or moving any entry then breaks the chain at that entry.
//
// The sequence number is deliberately outside the hash: the links already fix the order, so an
// entry moved to another place still hashes correctly and can be reported as moved rather than
// changed, while a number changed on its own is caught because it no longer matches its links.
import { canonicalText } from './canonical.ts';
import { chainStart, type AuditEntry, type ChainHead, type NewAuditEntry } from './entry.ts';

/** The chain's hash function (SHA-256 in hex, given by the caller: the domain does no crypto). */
export type HashOf = (text: string) => string;

/** The entry that follows `head`, with its number, its link to the head and its own hash. */
export function sealAuditEntry(entry: NewAuditEntry, head: ChainHead, hashOf: HashOf): AuditEntry {
  const content = {
    schoolId: entry.schoolId,
    at: entry.at,
    actorPersonId: entry.actorPersonId,
    action: entry.action,
    ...(entry.subject ? { subject: { kind: entry.subject.kind, id: entry.subject.id } } : {}),
    details: entry.details ?? {},
    previousHash: head.hash,
  };
  return { ...content, seq: head.seq + 1, hash: hashOf(canonicalText(content)) };
}

/**
 * - altered: the entry's content no longer matches its hash, or its number no longer matches its place;
 * - removed: the entry is missing, from the middle (a gap) or the end (the head names more);
 * - reordered: an intact entry stands in another entry's place;
 * - added: an entry beyond the end the head records, written without updating the head.
 */
export type ChainProblem = 'altered' | 'removed' | 'reordered' | 'added';

/** `seq` is the first place in the chain where the stored log stops matching a sound chain. */
export type ChainVerdict = { ok: true; entries: number } | { ok: false; seq: number; problem: ChainProblem };

/** Part-way along a chain: checked up to `next - 1`, or stopped at the first problem. */
export interface ChainWalk {
  readonly head: ChainHead;
  readonly next: number;
  readonly previousHash: string;
  readonly broken?: { seq: number; problem: ChainProblem };
}

export function startChainWalk(head: ChainHead): ChainWalk {
  return { head, next: 1, previousHash: chainStart.hash };
}

/** What any hash chain's entries carry: their place, the link to the one before, their own hash. */
export interface ChainLink {
  readonly seq: number;
  readonly previousHash: string;
  readonly hash: string;
}

/** The exact text an entry's hash is taken over. */
export type SealedTextOf<T> = (entry: T) => string;

function problemWith<T extends ChainLink>(
  entry: T,
  walk: ChainWalk,
  textOf: SealedTextOf<T>,
  hashOf: HashOf,
): ChainProblem | undefined {
  const { head, next } = walk;
  if (next > head.seq) return 'added';
  const intact = hashOf(textOf(entry)) === entry.hash;
  const linked = entry.previousHash === walk.previousHash;
  if (entry.seq === next) {
    if (!intact) return 'altered';
    if (!linked) return 'reordered';
    return next === head.seq && entry.hash !== head.hash ? 'altered' : undefined;
  }
  // Intact and linked to the entry before: it is in its place, with its number changed.
  if (intact && linked) return 'altered';
  return entry.seq > next ? 'removed' : 'reordered';
}

/** Checks the next entries of any chain, given in sequence order; stops at the first problem. */
export function walkLinks<T extends ChainLink>(
  walk: ChainWalk,
  entries: Iterable<T>,
  textOf: SealedTextOf<T>,
  hashOf: HashOf,
): ChainWalk {
  if (walk.broken) return walk;
  let { next, previousHash } = walk;
  for (const entry of entries) {
    const problem = problemWith(entry, { head: walk.head, next, previousHash }, textOf, hashOf);
    if (problem) return { head: walk.head, next, previousHash, broken: { seq: next, problem } };
    next += 1;
    previousHash = entry.hash;
  }
  return { head: walk.head, next, previousHash };
}

/** Checks the next entries of an audit chain, given in sequence order. */
export function walkChain(walk: ChainWalk, entries: Iterable<AuditEntry>, hashOf: HashOf): ChainWalk {
  return walkLinks(walk, entries, canonicalText, hashOf);
}

export function endChainWalk(walk: ChainWalk): ChainVerdict {
  if (walk.broken) return { ok: false, ...walk.broken };
  if (walk.next <= walk.head.seq) return { ok: false, seq: walk.next, problem: 'removed' };
  return { ok: true, entries: walk.next - 1 };
}

/** A whole chain at once: its entries in sequence order, and its head as recorded. */
export function verifyChain(entries: Iterable<AuditEntry>, head: ChainHead, hashOf: HashOf): ChainVerdict {
  return endChainWalk(walkChain(startChainWalk(head), entries, hashOf));
}
