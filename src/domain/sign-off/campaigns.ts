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
 * The reminder due to someone, if any: none once they have answered or the campaign has closed.
 * One reminder at a time: someone missed at day 7 and reached at day 15 gets the second one only,
 * never both at once.
 */
export function chaserDue(
  recipient: Pick<Recipient, 'invitedAt' | 'firstChaserAt' | 'secondChaserAt'>,
  now: Date,
  standing: { answered?: boolean; closedAt?: Date | undefined } = {},
): Chaser | undefined {
  if (standing.answered || standing.closedAt) return undefined;
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

export type Shares = Record<'acknowledged' | 'declined' | 'outstanding', number>;

const shareKeys = ['acknowledged', 'declined', 'outstanding'] as const;

/**
 * Whole-number percentages of those asked that add up to 100 (all 0 when nobody was asked).
 * Rounding each on its own can show 99% or 101% in all; here the points lost to rounding go to
 * the largest remainders. A group with somebody in it never shows as 0%, so none shows 100%
 * while anyone is elsewhere.
 */
export function shares(counted: Tally): Shares {
  const result: Shares = { acknowledged: 0, declined: 0, outstanding: 0 };
  if (counted.asked === 0) return result;
  const exact = (key: (typeof shareKeys)[number]) => (counted[key] * 100) / counted.asked;
  for (const key of shareKeys) result[key] = Math.floor(exact(key));
  let left = 100 - shareKeys.reduce((sum, key) => sum + result[key], 0);
  // Ties go to the smaller group, so that a few people are not rounded away.
  const byRemainder = [...shareKeys].sort(
    (a, b) => exact(b) - result[b] - (exact(a) - result[a]) || counted[a] - counted[b],
  );
  for (const key of byRemainder) {
    if (left === 0) break;
    result[key] += 1;
    left -= 1;
  }
  for (const key of shareKeys) {
    if (counted[key] > 0 && result[key] === 0) {
      const largest = shareKeys.reduce((a, b) => (result[b] > result[a] ? b : a));
      result[largest] -= 1;
      result[key] = 1;
    }
  }
  return result;
}

/** How far the first emails of a campaign have gone. */
export interface Sending {
  /** First emails sent (or being sent right now). */
  sent: number;
  /** Those the campaign will email: everyone asked, less any who answered before their email went. */
  total: number;
}

export function sendingProgress(
  recipients: readonly { recipient: Pick<Recipient, 'invitedAt'>; answer?: Answer | undefined }[],
): Sending {
  const sent = recipients.filter((r) => r.recipient.invitedAt !== undefined).length;
  const waiting = recipients.filter((r) => r.recipient.invitedAt === undefined && r.answer === undefined).length;
  return { sent, total: sent + waiting };
}

/** First emails claimed and sent together by one run of the job, so that none holds hundreds at once. */
export const firstEmailBatch = 50;

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
