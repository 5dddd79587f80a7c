// A pupil's own view of the consent register. From 12, a pupil can be given a one-time link to
// read what their family has told the school about photos of them, their name and their work: for
// each purpose still asked about, whether consent stands, was withdrawn, was never given, or
// nothing is recorded, and since when. It names nobody, not even who answered.
import type { ConsentPurpose, ConsentRecord } from './consent.ts';
import { currentAnswer } from './consent.ts';

/** The age from which a pupil may be given a link to their own record. */
export const ownLinkMinimumAge = 12;

/** A pupil's link as Footprint keeps it: never its token, which only the page handed over holds. */
export interface PupilConsentLink {
  schoolId: string;
  pupilId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt?: Date;
}

export type NewPupilConsentLink = Omit<PupilConsentLink, 'usedAt'>;

/** Why a link may not be given: the pupil is too young, or no longer at the school. */
export type OwnLinkRefusal = { reason: 'too_young'; age: number } | { reason: 'left' };

export function ownLinkRefusal(pupil: { age: number; onRoll: boolean }): OwnLinkRefusal | undefined {
  if (!pupil.onRoll) return { reason: 'left' };
  if (pupil.age < ownLinkMinimumAge) return { reason: 'too_young', age: pupil.age };
  return undefined;
}

/**
 * What is recorded for one purpose, in a pupil's terms: `given`; `withdrawn` (a no after a yes);
 * `not_given` (only ever a no); `nothing` (no answer at all).
 */
export type OwnRecordState = 'given' | 'withdrawn' | 'not_given' | 'nothing';

export interface OwnRecordLine {
  purpose: Pick<ConsentPurpose, 'id' | 'title' | 'explanation'>;
  state: OwnRecordState;
  /** When the answer that stands was recorded; none when nothing is. */
  since?: Date;
  /** Given before the school last asked families to look again, and not given again since. */
  toBeConfirmed: boolean;
}

/** The pupil's record for each purpose (in the order given), from the history of their answers. */
export function ownRecord(
  purposes: readonly Pick<ConsentPurpose, 'id' | 'title' | 'explanation'>[],
  history: readonly ConsentRecord[],
  pupilId: string,
  renewalStartedAt?: Date,
): OwnRecordLine[] {
  return purposes.map((purpose) => {
    const latest = currentAnswer(history, pupilId, purpose.id);
    if (!latest) return { purpose, state: 'nothing', toBeConfirmed: false };
    const everGiven = history.some(
      (record) => record.pupilId === pupilId && record.purposeId === purpose.id && record.answer === 'given',
    );
    const state: OwnRecordState = latest.answer === 'given' ? 'given' : everGiven ? 'withdrawn' : 'not_given';
    const toBeConfirmed = renewalStartedAt !== undefined && latest.answeredAt.getTime() < renewalStartedAt.getTime();
    return { purpose, state, since: latest.answeredAt, toBeConfirmed };
  });
}
