import type { Adapters } from './ports.ts';

export type Readiness = { ready: true } | { ready: false; reason: string };

export function createHealthService({ database }: Pick<Adapters, 'database'>) {
  return {
    /** Ready when the database answers. */
    async readiness(): Promise<Readiness> {
      try {
        await database.ping();
        return { ready: true };
      } catch (error) {
        return { ready: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
