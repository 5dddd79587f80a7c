// One-time links sent by email: an invitation to choose a password, a password reset, and a
// sign-in link for those whose roles need no second factor; and one handed to a pupil (who has no
// account) to read their own consent record. Each works once, and only until it
// expires; how long depends on what it is for. Time is passed in: the domain has no clock.

export const linkPurposes = ['invitation', 'password_reset', 'sign_in', 'pupil_consent'] as const;
export type LinkPurpose = (typeof linkPurposes)[number];

/**
 * How long each kind of link works. An invitation waits for someone to find it among a week's
 * mail; a reset or a sign-in link is asked for by someone who is at the screen now.
 */
export const linkLifetimeMinutes: Readonly<Record<LinkPurpose, number>> = {
  invitation: 7 * 24 * 60,
  password_reset: 60,
  sign_in: 15,
  // Handed to a pupil on paper at school, to open at home that evening or after a weekend away; a
  // lost slip stops working within the week, and it works only once in any case.
  pupil_consent: 7 * 24 * 60,
};

/** A link as Footprint keeps it: never its token, which only the email holds. */
export interface OneTimeLink {
  schoolId: string;
  accountId: string;
  purpose: LinkPurpose;
  createdAt: Date;
  expiresAt: Date;
  usedAt?: Date;
}

export type NewOneTimeLink = Omit<OneTimeLink, 'usedAt'>;

export function expiryOf(purpose: LinkPurpose, createdAt: Date): Date {
  return new Date(createdAt.getTime() + linkLifetimeMinutes[purpose] * 60_000);
}

/** Why a link no longer works: `unknown` when no link has that token (mistyped, cut short, or replaced). */
export type UnusableReason = 'unknown' | 'expired' | 'used';

export type LinkState = 'usable' | Exclude<UnusableReason, 'unknown'>;

/** Used wins over expired: someone who used a link should hear that, not that time ran out. */
export function linkState(link: Pick<OneTimeLink, 'expiresAt' | 'usedAt'>, now: Date): LinkState {
  if (link.usedAt) return 'used';
  return now.getTime() < link.expiresAt.getTime() ? 'usable' : 'expired';
}

/** "7 days", "1 hour", "15 minutes": how long a link works, in words for an email. */
export function lifetimeInWords(purpose: LinkPurpose): string {
  const minutes = linkLifetimeMinutes[purpose];
  const [amount, unit] =
    minutes % (24 * 60) === 0
      ? [minutes / (24 * 60), 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
