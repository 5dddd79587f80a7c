// Parents and carers: each sees what stands for their children on the roll, and one with parental
// responsibility answers yes or no for each purpose. Every answer is kept as given; a no stands at once.
import { schoolDay } from '../../domain/calendar/school-day.ts';
import { isOnRoll, type Pupil } from '../../domain/community/pupils.ts';
import { isRecordId } from '../../domain/ids.ts';
import { isConsentAnswer, type ConsentAnswer, type ConsentRenewal } from '../../domain/registers/consent.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { Adapters, NewConsentRecord, SchoolStore } from '../ports.ts';
import { answersFor, type PurposeAnswer } from './register.ts';

export interface ChildConsent {
  pupil: Pupil;
  /** Only a carer with parental responsibility may answer; others may read. */
  mayAnswer: boolean;
  answers: PurposeAnswer[];
}

export type AnswersSaved =
  { ok: true; changed: number } | { ok: false; problems: Record<string, string>; child: ChildConsent };

/** The viewer's children on the roll at `now`, each with what the viewer may do and what stands. */
async function childrenOf(store: SchoolStore, viewer: Viewer, now: Date): Promise<ChildConsent[]> {
  const day = schoolDay(now);
  const links = (await store.pupils.childrenOf(viewer.person.id)).filter(({ pupil }) => isOnRoll(pupil, day));
  const answers = await answersFor(
    store,
    links.map(({ pupil }) => pupil.id),
    now,
  );
  return links.map(({ pupil, link }) => ({
    pupil,
    mayAnswer: link.parentalResponsibility,
    answers: answers.get(pupil.id) ?? [],
  }));
}

/** One of the viewer's own children on the roll; undefined for anyone else's. */
async function ownChild(
  store: SchoolStore,
  viewer: Viewer,
  pupilId: string,
  now: Date,
): Promise<ChildConsent | undefined> {
  const day = schoolDay(now);
  const found = (await store.pupils.childrenOf(viewer.person.id)).find(
    ({ pupil }) => pupil.id === pupilId && isOnRoll(pupil, day),
  );
  if (!found) return undefined;
  return {
    pupil: found.pupil,
    mayAnswer: found.link.parentalResponsibility,
    answers: (await answersFor(store, [pupilId], now)).get(pupilId) ?? [],
  };
}

export function answerMethods({ units, clock }: Pick<Adapters, 'units' | 'clock'>) {
  return {
    /** The viewer's children on the roll, each with what stands for every purpose. */
    async family(viewer: Viewer): Promise<{ children: ChildConsent[]; renewal?: ConsentRenewal }> {
      allow(viewer, 'give_consent');
      return units.inSchool(viewer.school.id, async (store) => {
        const children = await childrenOf(store, viewer, clock.now());
        const renewal = await store.consent.latestRenewal();
        return { children, ...(renewal && { renewal }) };
      });
    },

    async child(viewer: Viewer, pupilId: string): Promise<ChildConsent | undefined> {
      allow(viewer, 'give_consent');
      if (!isRecordId(pupilId)) return undefined;
      return units.inSchool(viewer.school.id, (store) => ownChild(store, viewer, pupilId, clock.now()));
    },

    /**
     * Records the viewer's answers for one child: a new record for each purpose whose answer
     * changes, or is confirmed after a renewal. Nothing earlier is overwritten; a no stands at once.
     */
    async answer(viewer: Viewer, pupilId: string, typed: Record<string, string>): Promise<AnswersSaved> {
      allow(viewer, 'give_consent');
      if (!isRecordId(pupilId)) throw new AppError('not_found');
      return units.inSchool(viewer.school.id, async (store): Promise<AnswersSaved> => {
        const now = clock.now();
        const child = await ownChild(store, viewer, pupilId, now);
        if (!child) throw new AppError('not_found');
        if (!child.mayAnswer) {
          throw new AppError(
            'forbidden',
            'Only a parent or carer with parental responsibility for this child can give or withdraw consent. Please ask one of them, or contact the school.',
          );
        }
        const problems: Record<string, string> = {};
        const chosen = new Map<string, ConsentAnswer>();
        for (const { purpose } of child.answers) {
          const value = typed[purpose.id] ?? '';
          if (isConsentAnswer(value)) chosen.set(purpose.id, value);
          else problems[purpose.id] = `Choose yes or no for “${purpose.title}”`;
        }
        if (Object.keys(problems).length > 0) return { ok: false, problems, child };
        const records: NewConsentRecord[] = child.answers
          .filter(({ purpose, answer }) => answer.status !== chosen.get(purpose.id) || answer.toBeConfirmed)
          .map(({ purpose }) => ({
            pupilId,
            purposeId: purpose.id,
            answer: chosen.get(purpose.id)!,
            answeredBy: viewer.person.id,
            at: now,
          }));
        for (const record of await store.consent.record(records)) {
          await store.audit.append({
            schoolId: viewer.school.id,
            at: now,
            actorPersonId: viewer.person.id,
            action: record.answer === 'given' ? 'consent_given' : 'consent_withdrawn',
            subject: { kind: 'pupil', id: pupilId },
            details: { purposeId: record.purposeId },
          });
        }
        return { ok: true, changed: records.length };
      });
    },
  };
}
