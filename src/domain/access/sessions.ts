// How long a signed-in session lasts. Time is passed in: the domain has no clock.
import { hasRestrictedAccess } from './capabilities.ts';
import type { AccessRole } from './roles.ts';

/** However busy someone is, they sign in again after a working day. */
export const absoluteLimitMinutes = 10 * 60;

/** Minutes without a request before a session ends: shorter for those who reach restricted records. */
export function idleLimitMinutes(roles: readonly AccessRole[]): number {
  return hasRestrictedAccess(roles) ? 15 : 60;
}

export type SessionState = 'active' | 'idle' | 'expired';

export function sessionState(
  session: { startedAt: Date; lastSeenAt: Date },
  roles: readonly AccessRole[],
  now: Date,
): SessionState {
  const minutes = (from: Date) => (now.getTime() - from.getTime()) / 60_000;
  if (minutes(session.startedAt) >= absoluteLimitMinutes) return 'expired';
  if (minutes(session.lastSeenAt) >= idleLimitMinutes(roles)) return 'idle';
  return 'active';
}
