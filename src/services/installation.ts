import { installationSchema, installationSettingKey, type Installation } from '../domain/installation.ts';
import type { Adapters } from './ports.ts';

export function createInstallationService({ units }: Pick<Adapters, 'units'>) {
  return {
    /** Which installation this database belongs to; set once, when the database is created. */
    async describe(): Promise<Installation> {
      const setting = await units.acrossSchools((store) => store.settings.find(installationSettingKey));
      return installationSchema.parse(setting?.value);
    },
  };
}
