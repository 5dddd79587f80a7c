// A report of a concern, as staff or the public give it, and the situation it suggests to the
// person who assesses it. Reports are short on purpose: a member of staff should be done in a
// minute, and a parent should not need to know the policy's terms.
import type { Act, Role } from '../policy/vocabulary.ts';
import type { Situation } from '../policy/situation.ts';
import type { Party } from './case.ts';

export const concernKinds = [
  'post',
  'images',
  'friend_request',
  'message',
  'bullying',
  'hateful',
  'impersonation',
  'other',
] as const;
export type ConcernKind = (typeof concernKinds)[number];

export const concernKindNames: Readonly<Record<ConcernKind, string>> = {
  post: 'A post, comment or review about the school or someone in it',
  images: 'Photos or videos of pupils shared online',
  friend_request: 'A friend request or follow between a pupil and an adult at school',
  message: 'Private messages between a pupil and an adult at school',
  bullying: 'Bullying or unkind messages',
  hateful: 'Racist, threatening or hateful content',
  impersonation: 'A fake account pretending to be the school or someone in it',
  other: 'Something else',
};

/** Who the concern is about, in the choices a report form offers. */
export const aboutRoles = [
  'pupil',
  'staff',
  'headteacher',
  'parent',
  'governor',
  'volunteer',
  'third_party',
] as const satisfies readonly Role[];
export type AboutRole = (typeof aboutRoles)[number];

export const aboutRoleNames: Readonly<Record<AboutRole, string>> = {
  pupil: 'A pupil',
  staff: 'A member of staff',
  headteacher: 'The Headteacher',
  parent: 'A parent or carer',
  governor: 'A governor',
  volunteer: 'A volunteer or parent helper',
  third_party: 'Someone outside the school, or I do not know',
};

export const reporterRoles = ['parent', 'pupil', 'staff', 'visitor', 'third_party'] as const satisfies readonly Role[];
export type ReporterRole = (typeof reporterRoles)[number];

export const reporterRoleNames: Readonly<Record<ReporterRole, string>> = {
  parent: 'A parent or carer',
  pupil: 'A pupil',
  staff: 'Someone who works at the school',
  visitor: 'A visitor or volunteer',
  third_party: 'Someone else',
};

export interface Report {
  kind: ConcernKind;
  what: string;
  /** YYYY-MM-DD, when it happened or was seen. */
  happenedOn?: string;
  platform?: string;
  links: string[];
  parties: Party[];
  childInvolved: boolean;
}

const acted: Readonly<Record<ConcernKind, Act>> = {
  post: 'post',
  images: 'post',
  friend_request: 'friend_request_send',
  message: 'message',
  bullying: 'post',
  hateful: 'post',
  impersonation: 'post',
  other: 'post',
};

/**
 * The situation a report suggests, for the person assessing it to correct: the subject of the
 * concern acts, towards the other person involved; a post about pupils names or shows them.
 */
export function proposedSituation(report: Report, reporterRole?: Role): Situation {
  const subject = report.parties.find((party) => party.subject);
  // Someone who logs a request or message sent to them is its other party.
  const other = report.parties.find((party) => !party.subject) ?? (reporterRole && { role: reporterRole });
  const act = acted[report.kind];
  const situation: Situation = { actor: { role: subject?.role ?? 'third_party' }, act };
  if (other && act !== 'post') situation.counterpart = { role: other.role };
  if (act === 'post') {
    const about = report.childInvolved ? (['school', 'pupils'] as const) : (['school'] as const);
    situation.content = {
      about: [...about],
      ...(report.kind === 'images' && { images: [{ of: 'other_pupils' as const, consent: false }] }),
      ...(report.childInvolved && report.kind !== 'images' && { namesPupils: true }),
      ...(report.kind === 'post' && { tone: 'negative' as const }),
      ...(report.kind === 'bullying' && { labels: ['bullying' as const], tone: 'negative' as const }),
      ...(report.kind === 'hateful' && { labels: ['offensive' as const], tone: 'negative' as const }),
    };
  }
  const platform = report.platform?.trim().toLowerCase();
  situation.context = { ...(platform && { platform }), visibility: 'public' };
  return situation;
}
