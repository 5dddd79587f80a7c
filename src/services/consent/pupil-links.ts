// A pupil of 12 or over can be given a one-time link to read their own record, without signing
// in. A member of staff makes it; the pupil's press of the button uses it, and that reading goes
// on the audit log in the same unit as the use of the link.
import { schoolDay } from '../../domain/calendar/school-day.ts';
import { ageOn, isOnRoll, type Pupil } from '../../domain/community/pupils.ts';
import { isRecordId } from '../../domain/ids.ts';
import { expiryOf, linkState, type UnusableReason } from '../../domain/links/links.ts';
import {
  ownLinkRefusal,
  ownRecord,
  type OwnLinkRefusal,
  type OwnRecordLine,
  type PupilConsentLink,
} from '../../domain/registers/consent-for-pupils.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import { linkPaths } from '../links.ts';
import type { Adapters } from '../ports.ts';
import { active, purposesOf } from './purposes.ts';
import { renewalStart } from './renewal.ts';

export type PupilLinkIssued =
  | { outcome: 'issued'; pupil: Pupil; url: string; expiresAt: Date }
  | { outcome: 'refused'; pupil: Pupil; refusal: OwnLinkRefusal };

/** A pupil's link that still works (what its first page may show), or why it does not. */
export type PupilLinkCheck = { usable: true; schoolName: string } | { usable: false; reason: UnusableReason };

/** What a pupil sees on opening their link: their first name, and each purpose with what is recorded. */
export type PupilLinkOpened =
  | { outcome: 'opened'; schoolName: string; firstName: string; lines: OwnRecordLine[]; readAt: Date }
  | { outcome: 'unusable'; reason: UnusableReason };

/** Why a pupil's link does not work now; none while it does. Used wins over expired. */
function unusable(link: PupilConsentLink | undefined, now: Date): UnusableReason | undefined {
  if (!link) return 'unknown';
  const state = linkState(link, now);
  return state === 'usable' ? undefined : state;
}

export function pupilLinkMethods({ units, clock, baseUrl }: Pick<Adapters, 'units' | 'clock' | 'baseUrl'>) {
  return {
    /**
     * Makes a one-time link for a pupil of 12 or over to read their own record, replacing any
     * earlier one not yet used. The address is returned only here, for the member of staff to
     * show or print for the pupil: pupils have no email address in Footprint. Undefined for a
     * pupil of another school.
     */
    async issuePupilLink(viewer: Viewer, pupilId: string): Promise<PupilLinkIssued | undefined> {
      allow(viewer, 'manage_consent');
      if (!isRecordId(pupilId)) return undefined;
      return units.inSchool(viewer.school.id, async (store): Promise<PupilLinkIssued | undefined> => {
        const pupil = await store.pupils.find(pupilId);
        if (!pupil) return undefined;
        const now = clock.now();
        const day = schoolDay(now);
        const refusal = ownLinkRefusal({ age: ageOn(pupil.dateOfBirth, day), onRoll: isOnRoll(pupil, day) });
        if (refusal) return { outcome: 'refused', pupil, refusal };
        const { token, link } = await store.consent.addPupilLink({
          pupilId,
          createdAt: now,
          expiresAt: expiryOf('pupil_consent', now),
        });
        await store.audit.append({
          schoolId: viewer.school.id,
          at: now,
          actorPersonId: viewer.person.id,
          action: 'consent_link_issued',
          subject: { kind: 'pupil', id: pupilId },
        });
        return {
          outcome: 'issued',
          pupil,
          url: `${baseUrl}${linkPaths.pupil_consent}/${token}`,
          expiresAt: link.expiresAt,
        };
      });
    },

    /** Whether a pupil's link still works, without using it: mail scanners and previews open links. */
    async checkPupilLink(token: string): Promise<PupilLinkCheck> {
      const now = clock.now();
      return units.acrossSchools(async (store): Promise<PupilLinkCheck> => {
        const link = await store.consent.findPupilLink(token);
        const reason = unusable(link, now);
        if (reason || !link) return { usable: false, reason: reason ?? 'unknown' };
        const school = await store.schools.findById(link.schoolId);
        if (!school) return { usable: false, reason: 'unknown' };
        return { usable: true, schoolName: school.name };
      });
    },

    /**
     * Uses a pupil's link and reads their record: only the purposes still asked about, what is
     * recorded for each and since when, naming nobody. The reading goes on the audit log, written
     * with the use of the link; a link works once, so a second press finds it used.
     */
    async openPupilLink(token: string): Promise<PupilLinkOpened> {
      const now = clock.now();
      return units.acrossSchools(async (across): Promise<PupilLinkOpened> => {
        const link = await across.consent.findPupilLink(token);
        const reason = unusable(link, now);
        if (reason || !link) return { outcome: 'unusable', reason: reason ?? 'unknown' };
        const { schoolId, pupilId } = link;
        const school = await across.schools.findById(schoolId);
        if (!school) return { outcome: 'unusable', reason: 'unknown' };
        const store = await across.enterSchool(schoolId);
        const pupil = await store.pupils.find(pupilId);
        if (!pupil) return { outcome: 'unusable', reason: 'unknown' };
        const purposes = await purposesOf(store, now);
        const since = await renewalStart(store);
        const used = await store.consent.usePupilLink(token, now);
        // Another press won, or a newer link replaced this one, since it was found.
        if (!used)
          return { outcome: 'unusable', reason: unusable(await store.consent.pupilLink(token), now) ?? 'used' };
        const history = await store.consent.history([pupilId]);
        await store.audit.append({
          schoolId,
          at: now,
          actorPersonId: null,
          action: 'record_read',
          subject: { kind: 'consent_record', id: pupilId },
          details: { by: 'pupil_link' },
        });
        return {
          outcome: 'opened',
          schoolName: school.name,
          firstName: pupil.preferredName ?? pupil.legalGivenName,
          lines: ownRecord(active(purposes), history, pupilId, since),
          readAt: now,
        };
      });
    },
  };
}
