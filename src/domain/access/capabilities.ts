// The permission matrix: what each access role may do. Services check it before acting; pages
// use it to show only what a person can use. One table, so a change is made in one place.
import { accessRoles, type AccessRole } from './roles.ts';

export const capabilities = [
  /** Ask the school's policy "can I…?". */
  'check_policy',
  /** See and change one's own account: password, second factor, sessions. */
  'manage_own_account',
  /** See the school's people and pupils, with their families. */
  'view_people',
  /** Add and change people, and import the roster. */
  'manage_people',
  /** Give and take away roles and the administrator grant; disable accounts. */
  'manage_roles',
  /** Read the audit log. */
  'view_audit_log',
  /** Read the school's policy as it is being drafted, and its earlier versions' records. */
  'view_policy_drafts',
  /** Adopt, edit, send for ratification and publish the school's policy. */
  'edit_policy',
  /** Record the governors' ratification of a version of the policy. */
  'ratify_policy',
  /** Ask staff, governors, volunteers and families to acknowledge the published policy, and follow up. */
  'manage_sign_off',
  /** Read and acknowledge (or decline) the published policy. */
  'acknowledge_policy',
  /** Ask for a new official social media account or online service for the school. */
  'request_official_account',
  /** Read the register of official accounts (never their logins). */
  'view_official_accounts',
  /** Approve or decline requests for official accounts. */
  'approve_official_accounts',
  /** Reveal an official account's login from escrow, with a fresh code. */
  'reveal_account_secrets',
  /** Set the purposes families are asked to consent to, and start the yearly renewal. */
  'manage_consent',
  /** See what families have consented to, class by class, before posting a photo or a pupil's work. */
  'check_consent',
  /** Give or withdraw consent for one's own children. */
  'give_consent',
  /** Declare a relationship outside school that the policy asks about, and see one's own declarations. */
  'declare_relationship',
  /**
   * Read the school's register of declared relationships. The chair of governors reads only the
   * Headteacher's own declarations: the declarations service checks each one.
   */
  'review_declarations',
  /**
   * Approve or decline a declared relationship: the Headteacher, and for the Headteacher's own the
   * chair of governors. Nobody decides on their own: the declarations service checks each one.
   */
  'approve_declarations',
  /** Change the school's wording of its letters to parents about incidents. */
  'manage_letter_templates',
  /** Report a concern about something online from inside Footprint. */
  'report_concern',
  /**
   * Handle concerns: the DSL's cases about children, the Headteacher's about staff, the chair's
   * about the Headteacher. Which cases each may open is checked case by case by the incidents
   * service, and the subject of an allegation never may.
   */
  'handle_incidents',
  /** Read the termly figures about incidents: counts and times only, never names. */
  'view_incident_figures',
  /**
   * Set how long closed cases are kept, and approve destroying one that has reached its review
   * date (never one the same person proposed; a case the chair handled, the chair approves).
   */
  'manage_incident_retention',
  /** Read and triage what is said about the school online: mentions may name pupils. */
  'monitor_mentions',
  /** Choose the sources watched, the school's names and handles, and which staff are watched for. */
  'manage_monitoring',
  /** Capture by hand a post from a closed group or a chat, with a screenshot. */
  'capture_mention',
] as const;
export type Capability = (typeof capabilities)[number];

/** Every access role: whoever is signed in. */
const everyone: readonly AccessRole[] = accessRoles;

export const permissionMatrix: Readonly<Record<Capability, readonly AccessRole[]>> = {
  check_policy: everyone,
  manage_own_account: everyone,
  view_people: ['headteacher', 'dsl', 'school_admin'],
  manage_people: ['headteacher', 'school_admin'],
  manage_roles: ['headteacher', 'school_admin'],
  view_audit_log: ['headteacher'],
  view_policy_drafts: ['headteacher', 'dsl', 'chair_of_governors', 'governor'],
  edit_policy: ['headteacher'],
  ratify_policy: ['chair_of_governors', 'governor'],
  manage_sign_off: ['headteacher'],
  acknowledge_policy: everyone,
  request_official_account: ['headteacher', 'dsl', 'staff'],
  view_official_accounts: ['headteacher', 'dsl', 'staff'],
  approve_official_accounts: ['headteacher'],
  reveal_account_secrets: ['headteacher'],
  manage_consent: ['headteacher', 'school_admin'],
  check_consent: ['headteacher', 'dsl', 'school_admin', 'staff'],
  give_consent: ['parent'],
  declare_relationship: ['headteacher', 'dsl', 'school_admin', 'staff', 'chair_of_governors', 'governor', 'volunteer'],
  review_declarations: ['headteacher', 'dsl', 'chair_of_governors'],
  approve_declarations: ['headteacher', 'chair_of_governors'],
  manage_letter_templates: ['headteacher', 'dsl'],
  report_concern: ['headteacher', 'dsl', 'school_admin', 'staff', 'chair_of_governors', 'governor', 'volunteer'],
  handle_incidents: ['headteacher', 'dsl', 'chair_of_governors'],
  view_incident_figures: ['headteacher', 'dsl', 'chair_of_governors', 'governor'],
  manage_incident_retention: ['headteacher', 'chair_of_governors'],
  monitor_mentions: ['headteacher', 'dsl'],
  manage_monitoring: ['headteacher', 'dsl'],
  capture_mention: ['headteacher', 'dsl', 'school_admin', 'staff'],
};

/**
 * Capabilities that reach children's records or other people's access. Whoever holds one must
 * sign in with a second factor, and is signed out sooner when idle.
 */
export const restrictedCapabilities: ReadonlySet<Capability> = new Set([
  'view_people',
  'manage_people',
  'manage_roles',
  'view_audit_log',
]);

export function can(roles: readonly AccessRole[], capability: Capability): boolean {
  const allowed = permissionMatrix[capability];
  return roles.some((role) => allowed.includes(role));
}

export function capabilitiesOf(roles: readonly AccessRole[]): Capability[] {
  return capabilities.filter((capability) => can(roles, capability));
}

export function hasRestrictedAccess(roles: readonly AccessRole[]): boolean {
  return capabilitiesOf(roles).some((capability) => restrictedCapabilities.has(capability));
}

/** The Headteacher and the DSL always; anyone else whose roles reach restricted records. */
export function needsSecondFactor(roles: readonly AccessRole[]): boolean {
  return roles.includes('headteacher') || roles.includes('dsl') || hasRestrictedAccess(roles);
}
