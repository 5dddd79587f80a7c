// Adopting a policy: the school takes a copy of Footprint's model, or of its trust's policy, and
// from then on the copy is the school's own, to change as its governors decide.
import type { Policy } from '../policy/index.ts';

export interface AdoptingSchool {
  name: string;
  slug: string;
}

/** The placeholder the model policy uses where the school's name goes. */
const schoolPlaceholder = /\[Your school\]/g;

/** The source, made the school's: its name and address on it, its record keeping started afresh. */
export function adoptedDocument(source: Policy, school: AdoptingSchool, today: string): Policy {
  const inJson = JSON.stringify(school.name).slice(1, -1);
  const named = JSON.parse(JSON.stringify(source).replace(schoolPlaceholder, () => inJson)) as Policy;
  return {
    ...named,
    slug: school.slug,
    issuedTo: [school.name],
    status: 'draft',
    version: '1.0',
    dates: { written: today, updated: [], ratified: [] },
    history: [],
  };
}
