// The server side of browser sessions. Ending sessions here ends them at once: the next request
// from any of those browsers finds nothing.
import type { SessionRecord } from '../domain/access/account.ts';
import { absoluteLimitMinutes } from '../domain/access/sessions.ts';
import type { Adapters } from './ports.ts';

export function createSessionService({ store, clock }: Pick<Adapters, 'store' | 'clock'>) {
  return {
    find: (id: string) => store.sessions.find(id),
    save(id: string, session: Omit<SessionRecord, 'expiresAt'>): Promise<void> {
      const expiresAt = new Date(session.startedAt.getTime() + absoluteLimitMinutes * 60_000);
      return store.sessions.save(id, { ...session, expiresAt });
    },
    destroy: (id: string) => store.sessions.destroy(id),
    /** Signs an account out everywhere: every browser it is signed in on. */
    endAllOf: (schoolId: string, accountId: string) => store.sessions.destroyAllOf(schoolId, accountId),
    countOf: (schoolId: string, accountId: string) => store.sessions.countOf(schoolId, accountId),
    purgeExpired: () => store.sessions.purgeExpired(clock.now()),
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
