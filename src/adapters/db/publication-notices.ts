// Hears the notices of publication (see repositories/publications.ts) from every Footprint
// process on the same database: on PostgreSQL through a connection of its own that LISTENs, on
// the embedded database through PGlite's own listener. While the PostgreSQL connection is down,
// notices can be missed, so the listener says it is not hearing until it has connected again.
import pg from 'pg';
import type { Logger } from '../../log.ts';
import type { PublicationNotices } from '../../services/ports.ts';
import type { Database } from './database.ts';
import { publicationChannel } from './repositories/publications.ts';

const retryAfterMs = 1000;

export function publicationNotices(database: Database, url: string | undefined, logger: Logger): PublicationNotices {
  const listeners = new Set<(schoolId: string | undefined) => void>();
  const tell = (schoolId: string | undefined) => {
    for (const listener of listeners) listener(schoolId);
  };
  let hearing = false;
  let closed = false;
  let stop: (() => Promise<void>) | undefined;
  let started: Promise<void> | undefined;

  async function listenOnPglite(pglite: Extract<Database, { kind: 'pglite' }>['pglite']) {
    const unlisten = await pglite.listen(publicationChannel, (payload) => tell(payload));
    hearing = true;
    stop = unlisten;
  }

  async function listenOnPostgres(connectionString: string) {
    const client = new pg.Client({ connectionString, application_name: 'footprint-publications' });
    let gone = false;
    const lost = (error?: unknown) => {
      if (gone) return;
      gone = true;
      hearing = false;
      // Whatever was published meanwhile is unknown: every copy kept may be stale.
      tell(undefined);
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (closed) return;
      if (error) logger.warn({ err: error }, 'The database connection for publication notices failed; reconnecting');
      setTimeout(() => void connect(), retryAfterMs).unref();
    };
    const connect = async () => {
      if (closed) return;
      try {
        await listenOnPostgres(connectionString);
      } catch (error) {
        logger.warn({ err: error }, 'Could not listen for publication notices; trying again');
        if (!closed) setTimeout(() => void connect(), retryAfterMs).unref();
      }
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === publicationChannel) tell(message.payload);
    });
    await client.connect();
    await client.query(`listen ${publicationChannel}`);
    hearing = true;
    stop = async () => {
      client.removeAllListeners();
      await client.end();
    };
  }

  return {
    listen(listener) {
      listeners.add(listener);
      started ??= (database.kind === 'pglite' ? listenOnPglite(database.pglite) : listenOnPostgres(url ?? '')).catch(
        (error: unknown) => {
          logger.warn({ err: error }, 'Could not listen for publication notices; pages are read afresh each time');
        },
      );
      return started;
    },
    changedHere: (schoolId) => tell(schoolId),
    hearing: () => hearing,
    async close() {
      closed = true;
      // A listener still connecting would otherwise connect after the close, and keep the process alive.
      await started;
      hearing = false;
      await stop?.();
    },
  };
}
