// Sign-off of a published policy: who is asked (one audience at a time), when they are reminded,
// and how far each campaign has got. Time is passed in: the domain has no clock.
import type { CommunityRole, RoleHeld } from '../community/people.ts';

/** The audiences a campaign asks, by the community role people hold. Pupils are never asked. */
export const signOffAudiences = [
  'staff',
  'governor',
  'volunteer',
  'pta_member',
  'parent',
] as const satisfies readonly CommunityRole[];
export type SignOffAudience = (typeof signOffAudiences)[number];

export const audienceNames: Readonly<Record<SignOffAudience, string>> = {
  staff: 'Staff',
  governor: 'Governors',
  volunteer: 'Volunteers',
  pta_member: 'PTA members',
  parent: 'Parents and carers',
};

export function isSignOffAudience(value: unknown): value is SignOffAudience {
  return typeof value === 'string' && (signOffAudiences as readonly string[]).includes(value);
}

export function inAudience(roles: readonly RoleHeld[], audience: SignOffAudience): boolean {
  return roles.some((held) => held.role === audience);
}

export type Answer = 'acknowledged' | 'declined';

export interface Acknowledgement {
  id: string;
  schoolId: string;
  personId: string;
  versionId: string;
  /** The content hash of the version as it was read. */
  contentHash: string;
  answer: Answer;
  /** Why they declined; only for a decline. */
  reason?: string;
  /** The campaign's recipient row it answers, when it came through a campaign. */
  recipientId?: string;
  answeredAt: Date;
}

export interface Campaign {
  id: string;
  schoolId: string;
  versionId: string;
  audience: SignOffAudience;
  startedBy: string;
  startedAt: Date;
  /** People in the audience with no email address, who could not be asked. */
  withoutEmail: number;
  closedAt?: Date;
}

export interface Recipient {
  id: string;
  schoolId: string;
  campaignId: string;
  personId: string;
  email: string;
  invitedAt?: Date;
  firstChaserAt?: Date;
  secondChaserAt?: Date;
}

/** Reminders go this many days after the first email, to those who have not answered. */
export const chaserDays = { first: 7, second: 14 } as const;
export type Chaser = keyof typeof chaserDays;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The reminder due to someone who has not answered, if any. One reminder at a time: someone
 * missed at day 7 and reached at day 15 gets the second one only, never both at once.
 */
export function chaserDue(
  recipient: Pick<Recipient, 'invitedAt' | 'firstChaserAt' | 'secondChaserAt'>,
  now: Date,
): Chaser | undefined {
  if (!recipient.invitedAt || recipient.secondChaserAt) return undefined;
  const days = (now.getTime() - recipient.invitedAt.getTime()) / dayMs;
  if (days >= chaserDays.second) return 'second';
  if (days >= chaserDays.first && !recipient.firstChaserAt) return 'first';
  return undefined;
}

export interface Tally {
  asked: number;
  acknowledged: number;
  declined: number;
  outstanding: number;
}

/** A whole-number percentage of those asked; 0 when nobody was. */
export function percentOf(count: number, asked: number): number {
  return asked === 0 ? 0 : Math.round((count / asked) * 100);
}

export function tally(answers: readonly (Answer | undefined)[]): Tally {
  const acknowledged = answers.filter((a) => a === 'acknowledged').length;
  const declined = answers.filter((a) => a === 'declined').length;
  return { asked: answers.length, acknowledged, declined, outstanding: answers.length - acknowledged - declined };
}

export const maxReasonLength = 1000;

/** The reason given for declining, or what to fix. */
export function readReason(typed: string): { reason: string } | { problem: string } {
  const reason = typed.trim();
  if (!reason) return { problem: 'Say why you do not agree to the policy, so the school can answer you' };
  if (reason.length > maxReasonLength) return { problem: `Use ${maxReasonLength} characters or fewer` };
  if (reason.includes('\u0000') || !reason.isWellFormed())
    return { problem: 'Remove the characters that cannot be kept' };
  return { reason };
}
