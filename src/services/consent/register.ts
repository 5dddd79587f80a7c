// The register as staff see it: a pupil's record, "Can we post this?" for a class or a year
// group, the figures, and `consentFor`, which gives the policy engine's `content.images[].consent`.
import { schoolDay } from '../../domain/calendar/school-day.ts';
import { displayName } from '../../domain/community/people.ts';
import { ageOn, isOnRoll, yearGroups, type Pupil } from '../../domain/community/pupils.ts';
import { isRecordId } from '../../domain/ids.ts';
import { ownLinkRefusal, type OwnLinkRefusal } from '../../domain/registers/consent-for-pupils.ts';
import {
  classesOnRoll,
  coverage,
  coverageByClass,
  imageConsent,
  latestAnswers,
  standing,
  standingFrom,
  type ClassCoverageRow,
  type ClassOnRoll,
  type ConsentPurpose,
  type ConsentRecord,
  type CoverageRow,
  type StandingAnswer,
} from '../../domain/registers/consent.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { Adapters, PupilGroup, SchoolStore } from '../ports.ts';
import { active, purposesOf } from './purposes.ts';
import { renewalStart } from './renewal.ts';

export interface PurposeAnswer {
  purpose: ConsentPurpose;
  answer: StandingAnswer;
}

export interface RecordedAnswer {
  record: ConsentRecord;
  purposeTitle: string;
  answeredByName: string;
}

export interface PupilStanding {
  pupil: Pupil;
  answer: StandingAnswer;
}

export interface ClassCheck {
  group: PupilGroup;
  purpose: ConsentPurpose;
  mayAppear: PupilStanding[];
  mayNotAppear: PupilStanding[];
  noAnswer: PupilStanding[];
}

export interface ConsentForImage {
  purpose: ConsentPurpose;
  pupils: { pupilId: string; answer: StandingAnswer }[];
  /** The value for the situation's `content.images[].consent`: true only when every pupil shown has a yes. */
  consent: boolean;
}

/** A pupil's record as the staff page shows it, with whether the pupil may be given a link to it. */
export interface PupilRecord {
  pupil: Pupil;
  age: number;
  answers: PurposeAnswer[];
  history: RecordedAnswer[];
  /** Why the pupil may not be given a link to their own record; none when they may. */
  ownLinkRefusal?: OwnLinkRefusal;
}

/** What stands for one pupil for each purpose still asked about. */
function standingAnswers(
  purposes: readonly ConsentPurpose[],
  history: readonly ConsentRecord[],
  pupilId: string,
  since: Date | undefined,
): PurposeAnswer[] {
  return active(purposes).map((purpose) => ({ purpose, answer: standing(history, pupilId, purpose.id, since) }));
}

/** What stands for each of these pupils for every purpose still asked about, read at once for them all. */
export async function answersFor(
  store: SchoolStore,
  pupilIds: readonly string[],
  now: Date,
): Promise<Map<string, PurposeAnswer[]>> {
  const purposes = await purposesOf(store, now);
  const history = await store.consent.history(pupilIds);
  const since = await renewalStart(store);
  return new Map(pupilIds.map((pupilId) => [pupilId, standingAnswers(purposes, history, pupilId, since)]));
}

/**
 * What stands for each pupil for one purpose (given by id or by a default purpose's key), in the
 * caller's unit; undefined when the school has no such purpose.
 */
export async function consentFor(
  store: SchoolStore,
  pupilIds: readonly string[],
  purposeIdOrKey: string,
  now: Date,
): Promise<ConsentForImage | undefined> {
  const purpose = (await purposesOf(store, now)).find((p) => p.id === purposeIdOrKey || p.key === purposeIdOrKey);
  if (!purpose) return undefined;
  const latest = latestAnswers(await store.consent.history(pupilIds.filter(isRecordId)));
  const since = await renewalStart(store);
  const pupils = pupilIds.map((pupilId) => ({
    pupilId,
    answer: standingFrom(latest.get(`${pupilId} ${purpose.id}`), since),
  }));
  return { purpose, pupils, consent: imageConsent(pupils.map((p) => p.answer)) };
}

export function registerMethods({ units, clock }: Pick<Adapters, 'units' | 'clock'>) {
  return {
    /** What stands for each pupil for one purpose (given by id or by a default purpose's key). */
    async consentFor(
      schoolId: string,
      pupilIds: readonly string[],
      purposeIdOrKey: string,
    ): Promise<ConsentForImage | undefined> {
      return units.inSchool(schoolId, (store) => consentFor(store, pupilIds, purposeIdOrKey, clock.now()));
    },

    /** `consentFor` inside the caller's unit of work, for a service that needs it among its own work. */
    async consentForIn(
      store: SchoolStore,
      pupilIds: readonly string[],
      purposeIdOrKey: string,
    ): Promise<ConsentForImage | undefined> {
      return consentFor(store, pupilIds, purposeIdOrKey, clock.now());
    },

    /** A pupil's record, for a member of staff to show or print for them; undefined for another school's. */
    async pupilRecord(viewer: Viewer, pupilId: string): Promise<PupilRecord | undefined> {
      allow(viewer, 'check_consent');
      if (!isRecordId(pupilId)) return undefined;
      return units.inSchool(viewer.school.id, async (store) => {
        const pupil = await store.pupils.find(pupilId);
        if (!pupil) return undefined;
        const now = clock.now();
        const purposes = await purposesOf(store, now);
        const records = await store.consent.history([pupilId]);
        const since = await renewalStart(store);
        const names = new Map<string, string>();
        for (const id of new Set(records.map((record) => record.answeredBy))) {
          const person = await store.people.find(id);
          names.set(id, person ? displayName(person) : 'Someone no longer in the school’s records');
        }
        const day = schoolDay(now);
        const age = ageOn(pupil.dateOfBirth, day);
        const refusal = ownLinkRefusal({ age, onRoll: isOnRoll(pupil, day) });
        return {
          pupil,
          age,
          answers: standingAnswers(purposes, records, pupilId, since),
          history: records.map((record) => ({
            record,
            purposeTitle: purposes.find((purpose) => purpose.id === record.purposeId)?.title ?? '',
            answeredByName: names.get(record.answeredBy) ?? '',
          })),
          ...(refusal && { ownLinkRefusal: refusal }),
        };
      });
    },

    /** The classes on the roll today, youngest first, as the MIS names them. */
    async classes(viewer: Viewer): Promise<ClassOnRoll[]> {
      allow(viewer, 'check_consent');
      const pupils = await units.inSchool(viewer.school.id, (store) =>
        store.consent.pupilsOnRoll(schoolDay(clock.now())),
      );
      return classesOnRoll(pupils, yearGroups);
    },

    /** "Can we post this?": the class's or year group's pupils on the roll, by whether they may appear for the purpose. */
    async check(viewer: Viewer, group: PupilGroup, purposeId: string): Promise<ClassCheck | undefined> {
      allow(viewer, 'check_consent');
      const now = clock.now();
      const { pupils, found } = await units.inSchool(viewer.school.id, async (store) => {
        const pupils = await store.consent.pupilsOnRoll(schoolDay(now), group);
        const ids = pupils.map((pupil) => pupil.id);
        return { pupils, found: await consentFor(store, ids, purposeId, now) };
      });
      if (!found || found.purpose.retiredAt) return undefined;
      const result: ClassCheck = { group, purpose: found.purpose, mayAppear: [], mayNotAppear: [], noAnswer: [] };
      found.pupils.forEach(({ answer }, i) => {
        const entry = { pupil: pupils[i]!, answer };
        if (answer.status === 'given') result.mayAppear.push(entry);
        else if (answer.status === 'refused') result.mayNotAppear.push(entry);
        else result.noAnswer.push(entry);
      });
      return result;
    },

    /** For each class, each year group and each purpose: how many pupils on the roll have a yes, a no, or no answer. */
    async coverage(
      viewer: Viewer,
    ): Promise<{ purposes: ConsentPurpose[]; rows: CoverageRow[]; classRows: ClassCoverageRow[] }> {
      allow(viewer, 'check_consent');
      const now = clock.now();
      const { purposes, pupils, history } = await units.inSchool(viewer.school.id, async (store) => ({
        purposes: await purposesOf(store, now),
        pupils: await store.consent.pupilsOnRoll(schoolDay(now)),
        history: await store.consent.history(),
      }));
      const shown = active(purposes);
      return {
        purposes: shown,
        rows: coverage(pupils, shown, history, yearGroups),
        classRows: coverageByClass(pupils, shown, history, yearGroups),
      };
    },
  };
}
