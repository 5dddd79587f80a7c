// The consent register for pupils' images and work. The Headteacher sets the purposes families are
// asked about; parents with parental responsibility answer yes or no for each of their children,
// and every answer is kept; staff see, class by class, who may appear before they post; a yearly
// renewal emails families to look again. `consentFor` gives the policy engine's
// `content.images[].consent` from the register. A pupil of 12 or over can be given a one-time link
// to read their own record, without signing in; every such reading goes on the audit log.
// Each part is in services/consent/, by what it does; this is the service they make together.
import { answerMethods } from './consent/answers.ts';
import { pupilLinkMethods } from './consent/pupil-links.ts';
import { purposeMethods } from './consent/purposes.ts';
import { registerMethods } from './consent/register.ts';
import { renewalMethods } from './consent/renewal.ts';
import type { Adapters } from './ports.ts';

export type { AnswersSaved, ChildConsent } from './consent/answers.ts';
export type { PupilLinkCheck, PupilLinkIssued, PupilLinkOpened } from './consent/pupil-links.ts';
export type { PurposeSaved } from './consent/purposes.ts';
export type {
  ClassCheck,
  ConsentForImage,
  PupilRecord,
  PupilStanding,
  PurposeAnswer,
  RecordedAnswer,
} from './consent/register.ts';
export { consentRenewalEmailsJob, type RenewalOverview } from './consent/renewal.ts';

type Deps = Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl' | 'jobs'>;

export function createConsentService(deps: Deps) {
  return {
    // What stands for pupils, for the policy engine and for other services' units.
    ...registerMethods(deps),
    // The Headteacher's purposes.
    ...purposeMethods(deps),
    // Parents and carers.
    ...answerMethods(deps),
    // Pupils' own links to their record.
    ...pupilLinkMethods(deps),
    // The yearly renewal.
    ...renewalMethods(deps),
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
