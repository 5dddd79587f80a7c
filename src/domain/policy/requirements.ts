// What a rule can require to be in place before something is allowed: a declaration on
// record, the Headteacher's approval, the login details handed over, a risk assessment.
// Each is a fact of the situation and the action that puts it right.
import type { Situation } from './situation.ts';
import type { Action } from './vocabulary.ts';

export const requirementKinds = [
  'relationship_declared',
  'relationship_approved',
  'headteacher_approval',
  'credentials_shared',
  'risk_assessment',
] as const;
export type RequirementKind = (typeof requirementKinds)[number];

interface RequirementMeaning {
  met: (s: Situation) => boolean;
  action: Action;
  /** How the rendered policy speaks of it. */
  wording: string;
}

export const requirementMeanings: Readonly<Record<RequirementKind, RequirementMeaning>> = {
  relationship_declared: {
    met: (s) => s.counterpart?.declared === true,
    action: 'declare_relationship',
    wording: 'the relationship is declared to the school',
  },
  relationship_approved: {
    met: (s) => s.counterpart?.approved === true,
    action: 'seek_headteacher_approval',
    wording: 'the Headteacher has approved the relationship',
  },
  headteacher_approval: {
    met: (s) => s.actor.approved === true,
    action: 'seek_headteacher_approval',
    wording: 'the Headteacher has approved it in advance',
  },
  credentials_shared: {
    met: (s) => s.actor.credentialsShared === true,
    action: 'share_credentials_with_headteacher',
    wording: 'the login details are given to the Headteacher',
  },
  risk_assessment: {
    met: (s) => s.actor.riskAssessed === true,
    action: 'risk_assessment',
    wording: 'a risk assessment has been done',
  },
};
