// The identity of one Footprint installation: it travels with backups, so a restored
// database is recognisably the same installation.
import { z } from 'zod';

export const installationSettingKey = 'installation';

export const installationSchema = z.object({
  id: z.uuid(),
  createdAt: z.coerce.date(),
});

export type Installation = z.infer<typeof installationSchema>;
