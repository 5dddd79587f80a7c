// What a change to people's roles does to what they can do in Footprint: worked out before and
// after, so that a change made in bulk (a roster import) is held to the same rules as one made
// on a person's page.
import type { AccessRole } from './roles.ts';

export interface AccessHolder {
  personId: string;
  name: string;
  roles: readonly AccessRole[];
}

export interface AccessChange {
  personId: string;
  name: string;
  gained: AccessRole[];
  lost: AccessRole[];
}

/** Everyone whose access differs between the two readings, in the order of the first. */
export function accessChanges(before: readonly AccessHolder[], after: readonly AccessHolder[]): AccessChange[] {
  const later = new Map(after.map((holder) => [holder.personId, holder.roles]));
  return before.flatMap((holder) => {
    const now = later.get(holder.personId) ?? [];
    const gained = now.filter((role) => !holder.roles.includes(role));
    const lost = holder.roles.filter((role) => !now.includes(role));
    return gained.length > 0 || lost.length > 0 ? [{ personId: holder.personId, name: holder.name, gained, lost }] : [];
  });
}
