// The purposes families are asked about: the Headteacher's to set, reword and retire. A school is
// given the default purposes the first time anyone looks, in the unit that looks.
import {
  defaultPurposes,
  readPurpose,
  type ConsentPurpose,
  type PurposeProblems,
} from '../../domain/registers/consent.ts';
import { isRecordId } from '../../domain/ids.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { Adapters, SchoolStore } from '../ports.ts';

export type PurposeSaved = { ok: true; purpose?: ConsentPurpose } | { ok: false; problems: PurposeProblems };

/** The purposes families are still asked about. */
export const active = (purposes: readonly ConsentPurpose[]) => purposes.filter((purpose) => !purpose.retiredAt);

/** The school's purposes, retired ones too, giving it the defaults (added at `now`) the first time. */
export async function purposesOf(store: SchoolStore, now: Date): Promise<ConsentPurpose[]> {
  const found = await store.consent.purposes();
  if (found.length > 0) return found;
  await store.consent.addPurposes(defaultPurposes, now);
  return store.consent.purposes();
}

/** One of the school's purposes; undefined for any other id. */
export async function findPurpose(store: SchoolStore, id: string, now: Date): Promise<ConsentPurpose | undefined> {
  return (await purposesOf(store, now)).find((purpose) => purpose.id === id);
}

export function purposeMethods({ units, clock }: Pick<Adapters, 'units' | 'clock'>) {
  return {
    async purposes(viewer: Viewer): Promise<ConsentPurpose[]> {
      allow(viewer, 'manage_consent');
      return units.inSchool(viewer.school.id, (store) => purposesOf(store, clock.now()));
    },

    async purpose(viewer: Viewer, id: string): Promise<ConsentPurpose | undefined> {
      allow(viewer, 'manage_consent');
      if (!isRecordId(id)) return undefined;
      return units.inSchool(viewer.school.id, (store) => findPurpose(store, id, clock.now()));
    },

    async addPurpose(viewer: Viewer, typed: { title: string; explanation: string }): Promise<PurposeSaved> {
      allow(viewer, 'manage_consent');
      const read = readPurpose(typed);
      if (!read.ok) return read;
      await units.inSchool(viewer.school.id, async (store) => {
        const now = clock.now();
        // The defaults first, so that the school's own purpose comes after them.
        await purposesOf(store, now);
        await store.consent.addPurposes([read.purpose], now);
      });
      return { ok: true };
    },

    /** Rewords a purpose; undefined when the school has no such purpose. */
    async rewordPurpose(
      viewer: Viewer,
      id: string,
      typed: { title: string; explanation: string },
    ): Promise<PurposeSaved | undefined> {
      allow(viewer, 'manage_consent');
      if (!isRecordId(id)) return undefined;
      return units.inSchool(viewer.school.id, async (store): Promise<PurposeSaved | undefined> => {
        const found = await findPurpose(store, id, clock.now());
        if (!found) return undefined;
        const read = readPurpose(typed);
        if (!read.ok) return read;
        await store.consent.reword(id, read.purpose);
        return { ok: true, purpose: { ...found, ...read.purpose } };
      });
    },

    /** Retires a purpose (families are no longer asked, answers are kept), or brings it back. */
    async retirePurpose(viewer: Viewer, id: string, retire: boolean): Promise<boolean> {
      allow(viewer, 'manage_consent');
      if (!isRecordId(id)) return false;
      return units.inSchool(viewer.school.id, async (store) => {
        const now = clock.now();
        if (!(await findPurpose(store, id, now))) return false;
        return store.consent.retire(id, retire ? now : undefined);
      });
    },

    /** The purposes staff can check against: those families are still asked about. */
    async activePurposes(viewer: Viewer): Promise<ConsentPurpose[]> {
      allow(viewer, 'check_consent');
      return units.inSchool(viewer.school.id, async (store) => active(await purposesOf(store, clock.now())));
    },
  };
}
