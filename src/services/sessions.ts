// The server side of browser sessions. Ending sessions here ends them at once: the next request
// from any of those browsers finds nothing. A session is found by its id alone, before anyone is
// known to be signed in, so those calls look across schools; each is one small unit of work.
import type { SessionRecord } from '../domain/access/account.ts';
import { absoluteLimitMinutes } from '../domain/access/sessions.ts';
import type { Adapters } from './ports.ts';

export function createSessionService({ units, clock }: Pick<Adapters, 'units' | 'clock'>) {
  return {
    find: (id: string) => units.acrossSchools((store) => store.sessions.find(id)),
    save(id: string, session: Omit<SessionRecord, 'expiresAt'>): Promise<void> {
      const expiresAt = new Date(session.startedAt.getTime() + absoluteLimitMinutes * 60_000);
      return units.acrossSchools((store) => store.sessions.save(id, { ...session, expiresAt }));
    },
    destroy: (id: string) => units.acrossSchools((store) => store.sessions.destroy(id)),
    /** Signs an account out everywhere: every browser it is signed in on. */
    endAllOf: (schoolId: string, accountId: string) =>
      units.inSchool(schoolId, (store) => store.sessions.destroyAllOf(accountId)),
    countOf: (schoolId: string, accountId: string) =>
      units.inSchool(schoolId, (store) => store.sessions.countOf(accountId)),
    purgeExpired: () => {
      const now = clock.now();
      return units.acrossSchools((store) => store.sessions.purgeExpired(now));
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
