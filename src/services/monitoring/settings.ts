// What the school watches for and for how long: its names and handles, how many months mentions
// are kept, the staff who opted in to be watched for, and the retention job that deletes the rest.
import { displayName } from '../../domain/community/people.ts';
import { isRecordId } from '../../domain/ids.ts';
import { defaultMentionMonths } from '../../domain/monitoring/inbox.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { Adapters, MonitoringSettings } from '../ports.ts';
import { listLimit, settingsOf } from './watching.ts';

export function settingsMethods({ units, clock }: Pick<Adapters, 'units' | 'clock'>) {
  return {
    async settings(
      viewer: Viewer,
    ): Promise<{ settings: MonitoringSettings; staff: { id: string; name: string; watched: boolean }[] }> {
      allow(viewer, 'manage_monitoring');
      return units.inSchool(viewer.school.id, async (store) => {
        const settings = await settingsOf(store, viewer.school);
        const watched = new Set(await store.monitoring.watchedStaff());
        const staff = await store.people.list({ role: 'staff', limit: listLimit, offset: 0 });
        return {
          settings,
          staff: staff.items.map((person) => ({
            id: person.id,
            name: displayName(person),
            watched: watched.has(person.id),
          })),
        };
      });
    },

    async saveSettings(
      viewer: Viewer,
      values: { names: string; handles: string; retentionMonths: string },
    ): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
      allow(viewer, 'manage_monitoring');
      const lines = (text: string) =>
        [
          ...new Set(
            text
              .split(/\r?\n|,/)
              .map((line) => line.trim())
              .filter((line) => line !== ''),
          ),
        ].slice(0, 50);
      const names = lines(values.names);
      const handles = lines(values.handles).map((handle) => (handle.startsWith('@') ? handle : `@${handle}`));
      const months = Number(values.retentionMonths.trim());
      const errors: Record<string, string> = {};
      if (names.length === 0) errors.names = 'Give at least one name the school is known by';
      if (names.some((name) => name.length > 100)) errors.names = 'Keep each name to 100 characters or fewer';
      if (handles.some((handle) => !/^@[A-Za-z0-9_.]{1,100}$/.test(handle)))
        errors.handles = 'Write each handle as letters, digits, dots and _, such as @oakfieldprimary';
      if (!Number.isInteger(months) || months < 1 || months > 120)
        errors.retentionMonths = 'Enter how many months to keep mentions, a whole number from 1 to 120';
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      await units.inSchool(viewer.school.id, async (store) => {
        const now = clock.now();
        await store.monitoring.saveSettings({ names, handles, retentionMonths: months }, viewer.person.id, now);
        await store.audit.append({
          schoolId: viewer.school.id,
          actorPersonId: viewer.person.id,
          action: 'setting_changed',
          details: { setting: 'monitoring' },
          at: now,
        });
      });
      return { ok: true };
    },

    /** A member of staff asks to be watched for, or to stop: their name is looked for only if they opt in. */
    async setWatched(viewer: Viewer, personId: string, watched: boolean): Promise<void> {
      allow(viewer, 'manage_monitoring');
      if (!isRecordId(personId)) throw new AppError('not_found');
      await units.inSchool(viewer.school.id, async (store) => {
        if (!(await store.people.find(personId))) throw new AppError('not_found');
        await store.monitoring.setWatched(personId, watched, clock.now());
      });
    },

    /**
     * The retention job: mentions older than each school's chosen months (12 by default) are
     * deleted, each school's in a unit of its own.
     */
    async purgeOld(now: Date = clock.now()): Promise<number> {
      const { chosen, schools } = await units.acrossSchools(async (store) => ({
        chosen: new Map((await store.monitoring.retentionOfAll()).map((r) => [r.schoolId, r.months])),
        schools: await store.monitoring.schoolsWithMentions(),
      }));
      let purged = 0;
      for (const schoolId of schools) {
        const months = chosen.get(schoolId) ?? defaultMentionMonths;
        const before = new Date(now);
        before.setUTCMonth(before.getUTCMonth() - months);
        purged += await units.inSchool(schoolId, (store) => store.monitoring.purge(before));
      }
      return purged;
    },
  };
}
