// The one check at the top of every service method that acts for someone.
import { can, type Capability } from '../domain/access/capabilities.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';

/** Refuses, as `forbidden`, anyone whose roles do not give them the capability. */
export function allow(viewer: Pick<Viewer, 'roles'>, capability: Capability): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}
