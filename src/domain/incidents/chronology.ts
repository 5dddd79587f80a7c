// A case's chronology: everything that happened, in order, as the record Keeping Children Safe in
// Education expects. Entries are chained by hash like the audit log, so that changing, removing
// or reordering any of them shows when the chain is checked.
import {
  walkLinks,
  startChainWalk,
  endChainWalk,
  type ChainHead,
  type ChainVerdict,
  type HashOf,
} from '../audit/index.ts';

export const eventKinds = [
  'reported',
  'evidence_added',
  'assessed',
  'task_raised',
  'task_done',
  'task_not_needed',
  'decision',
  'note',
  'letter_sent',
  'owner_notified',
  'outcome_recorded',
  'closed',
  'reopened',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventKindNames: Readonly<Record<EventKind, string>> = {
  reported: 'Reported',
  evidence_added: 'Evidence added',
  assessed: 'Assessed against the policy',
  task_raised: 'Task raised',
  task_done: 'Task done',
  task_not_needed: 'Decided a task was not needed',
  decision: 'Decision',
  note: 'Note',
  letter_sent: 'Letter',
  owner_notified: 'Owner told',
  outcome_recorded: 'Outcome',
  closed: 'Closed',
  reopened: 'Reopened',
};

export type EventFacts = Readonly<Record<string, string | number | boolean | null>>;

/** What a service records: the chronology gives it its place and its hash. */
export interface NewCaseEvent {
  at: Date;
  actorPersonId: string | null;
  kind: EventKind;
  /** What happened or why, in the words of the person recording it. */
  text: string;
  facts?: EventFacts;
}

export interface CaseEvent {
  caseId: string;
  seq: number;
  at: Date;
  actorPersonId: string | null;
  kind: EventKind;
  text: string;
  facts: EventFacts;
  previousHash: string;
  hash: string;
}

export const chronologyStart: ChainHead = { seq: 0, hash: '0'.repeat(64) };

function sortedFacts(facts: EventFacts): string {
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) return JSON.stringify(facts);
  return `{${Object.keys(facts)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${JSON.stringify(facts[name])}`)
    .join(',')}}`;
}

/** The exact text an event's hash covers: fixed key order, facts sorted, times in UTC. */
export function eventText(event: Omit<CaseEvent, 'seq' | 'hash'>): string {
  return [
    `"case":${JSON.stringify(event.caseId)}`,
    `"at":${JSON.stringify(event.at.toISOString())}`,
    `"actor":${JSON.stringify(event.actorPersonId)}`,
    `"kind":${JSON.stringify(event.kind)}`,
    `"text":${JSON.stringify(event.text)}`,
    `"facts":${sortedFacts(event.facts)}`,
    `"previous":${JSON.stringify(event.previousHash)}`,
  ].join(',');
}

export function sealEvent(caseId: string, event: NewCaseEvent, head: ChainHead, hashOf: HashOf): CaseEvent {
  const content = {
    caseId,
    at: event.at,
    actorPersonId: event.actorPersonId,
    kind: event.kind,
    text: event.text,
    facts: event.facts ?? {},
    previousHash: head.hash,
  };
  return { ...content, seq: head.seq + 1, hash: hashOf(`{${eventText(content)}}`) };
}

const textOf = (event: CaseEvent) => `{${eventText(event)}}`;

export function verifyChronology(events: Iterable<CaseEvent>, head: ChainHead, hashOf: HashOf): ChainVerdict {
  return endChainWalk(walkLinks(startChainWalk(head), events, textOf, hashOf));
}

/** Longest note or rationale a form accepts: a full account, not an essay. */
export const maxEventText = 10_000;
