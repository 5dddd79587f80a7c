// Server-side sessions (the cookie holds only a signed id) and, on every page request, who is
// signed in. A session ends when it has been idle too long for the person's roles, after a
// working day whatever happens, or at once when the account is disabled or signed out everywhere.
import fastifySession from '@fastify/session';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { absoluteLimitMinutes, sessionState } from '../../domain/access/sessions.ts';
import type { Services } from '../../services/index.ts';
import type { Viewer } from '../../services/access.ts';
import type { PendingSignOn } from '../../services/sign-on.ts';

/** Where someone is in signing in. Only `signed_in` makes them a viewer. */
export type SignInStage = 'set_password' | 'second_factor_setup' | 'code' | 'signed_in';

declare module 'fastify' {
  interface Session {
    stage?: SignInStage;
    schoolId?: string;
    accountId?: string;
    /** Milliseconds since the epoch. */
    startedAt?: number;
    lastSeenAt?: number;
    /** Where to go once signed in: a path on this site. */
    returnTo?: string;
    /** While someone is at their school's sign-on provider: what checks their return. */
    signOn?: PendingSignOn;
  }
  interface FastifyRequest {
    viewer: Viewer | undefined;
    /** Why the last session ended, when it ended on its own just now. */
    sessionEnded: 'idle' | 'expired' | undefined;
  }
}

/** Writing the session on every request would be a write per click; once a minute is enough. */
const touchEveryMs = 60_000;

export const sessions = fp<{ config: Config; services: Services }>(
  async (app, { config, services }) => {
    const secure = config.baseUrl.startsWith('https:');
    await app.register(fastifySession, {
      secret: config.sessionSecret,
      cookieName: secure ? '__Host-footprint-session' : 'footprint-session',
      cookie: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: absoluteLimitMinutes * 60_000 },
      saveUninitialized: false,
      rolling: false,
      store: {
        get(id, done) {
          services.sessions.find(id).then(
            (record) => done(null, record ? (record.data as never) : null),
            (error: unknown) => done(error),
          );
        },
        set(id, session, done) {
          const data = JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
          const now = Date.now();
          services.sessions
            .save(id, {
              ...(session.schoolId && { schoolId: session.schoolId }),
              ...(session.accountId && { accountId: session.accountId }),
              data,
              startedAt: new Date(session.startedAt ?? now),
              lastSeenAt: new Date(session.lastSeenAt ?? now),
            })
            .then(() => done(), done);
        },
        destroy(id, done) {
          services.sessions.destroy(id).then(() => done(), done);
        },
      },
    });

    app.decorateRequest('viewer', undefined);
    app.decorateRequest('sessionEnded', undefined);
    app.addHook('preHandler', async (request, reply) => {
      const { session } = request;
      if (session.stage !== 'signed_in' || !session.schoolId || !session.accountId) return;
      const viewer = await services.access.viewer(session.schoolId, session.accountId);
      const now = services.clock.now();
      const state = viewer
        ? sessionState(
            { startedAt: new Date(session.startedAt ?? 0), lastSeenAt: new Date(session.lastSeenAt ?? 0) },
            viewer.roles,
            now,
          )
        : 'expired';
      if (state !== 'active') {
        await session.destroy();
        request.sessionEnded = state;
        return;
      }
      request.viewer = viewer;
      reply.locals.viewer = viewer;
      if (now.getTime() - (session.lastSeenAt ?? 0) >= touchEveryMs) session.lastSeenAt = now.getTime();
    });
  },
  { name: 'sessions', dependencies: ['cookies'] },
);

/** Starts a fresh session for a sign-in step: a new id, so one planted before sign-in is useless. */
export async function beginStage(
  request: FastifyRequest,
  stage: SignInStage,
  ids: { schoolId: string; accountId: string },
  now: Date,
): Promise<void> {
  const returnTo = request.session.returnTo;
  await request.session.regenerate();
  request.session.stage = stage;
  request.session.schoolId = ids.schoolId;
  request.session.accountId = ids.accountId;
  request.session.startedAt = now.getTime();
  request.session.lastSeenAt = now.getTime();
  if (returnTo) request.session.returnTo = returnTo;
}
