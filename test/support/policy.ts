// Builders for tests that need a school's own policy: the Headteacher and chair of governors who
// look after it, and a version taken through adoption, ratification and publication.
import type { Policy } from '../../src/domain/policy/index.ts';
import type { PolicyVersion } from '../../src/domain/school-policy/versions.ts';
import type { Viewer } from '../../src/services/access.ts';
import { createServices, type RunningAdapters } from '../../src/wiring.ts';
import type { School } from '../../src/domain/community/school.ts';
import { aPersonWithAccount, aSchool, type TestAccount } from './community.ts';

export interface PolicyTeam {
  head: Viewer;
  governor: Viewer;
  headAccount: TestAccount;
  governorAccount: TestAccount;
}

/** The Headteacher (head@<slug>.example) and the chair of governors (chair@<slug>.example). */
export async function aPolicyTeam(
  adapters: RunningAdapters,
  school: { id: string; slug: string },
  options: { authenticator?: boolean } = {},
): Promise<PolicyTeam> {
  const services = createServices(adapters);
  const headAccount = await aPersonWithAccount(
    adapters,
    school.id,
    {
      givenName: 'Hal',
      familyName: 'Head',
      email: `head@${school.slug}.example`,
      roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
    },
    options,
  );
  const governorAccount = await aPersonWithAccount(adapters, school.id, {
    givenName: 'Gus',
    familyName: 'Gov',
    email: `chair@${school.slug}.example`,
    roles: [{ role: 'governor', duties: ['chair'] }],
  });
  const viewerOf = async (made: TestAccount) => {
    const viewer = await services.access.viewer(made.schoolId, made.accountId);
    if (!viewer) throw new Error(`${made.email} cannot sign in`);
    return viewer;
  };
  return { head: await viewerOf(headAccount), governor: await viewerOf(governorAccount), headAccount, governorAccount };
}

export interface Publication {
  /** What changed and why, for the governors. */
  summary?: string;
  /** YYYY-MM-DD */
  ratifiedOn?: string;
  meeting?: string;
  reviewDue?: string;
}

/** Saves the edit (if any) to the draft, then sends, ratifies and publishes it. */
export async function publishDraft(
  adapters: RunningAdapters,
  team: PolicyTeam,
  draft: PolicyVersion,
  edit?: (policy: Policy) => Policy,
  publication: Publication = {},
): Promise<PolicyVersion> {
  const policy = createServices(adapters).schoolPolicy;
  if (edit) {
    const saved = await policy.saveDraft(team.head, draft.id, edit(structuredClone(draft.document)));
    if (!saved.ok) throw new Error(`The edited draft is invalid: ${JSON.stringify(saved.problems)}`);
  }
  await policy.sendForRatification(team.head, draft.id, publication.summary ?? 'Adopted the model policy');
  await policy.ratify(team.governor, draft.id, {
    ratifiedOn: publication.ratifiedOn ?? '2026-11-18',
    meeting: publication.meeting ?? 'Full governing body',
    ...(publication.reviewDue && { reviewDue: publication.reviewDue }),
  });
  return policy.publish(team.head, draft.id);
}

/** The model policy adopted by the school, changed by `edit` if given, and published as 1.0. */
export async function aPublishedPolicy(
  adapters: RunningAdapters,
  school: { id: string; slug: string },
  edit?: (policy: Policy) => Policy,
  publication?: Publication,
): Promise<{ team: PolicyTeam; version: PolicyVersion }> {
  const team = await aPolicyTeam(adapters, school);
  const draft = await createServices(adapters).schoolPolicy.adopt(team.head, 'model');
  return { team, version: await publishDraft(adapters, team, draft, edit, publication) };
}

/**
 * A school with its Headteacher (with an authenticator), chair, DSL (with an authenticator) and a
 * teacher, that has published one of the five encoded policies as its own: for tests of what
 * happens under a particular school's procedures.
 */
export async function aSchoolUnderPolicy(
  adapters: RunningAdapters,
  slug: string,
  urn: string,
  encoded: string,
): Promise<{ school: School; team: PolicyTeam; dsl: TestAccount; teacher: TestAccount }> {
  const school = await aSchool(adapters, slug, urn);
  const team = await aPolicyTeam(adapters, school, { authenticator: true });
  const published = adapters.policyLibrary.find(encoded);
  if (!published?.ok) throw new Error(`The library has no policy ${encoded}`);
  const draft = await createServices(adapters).schoolPolicy.adopt(team.head, 'model');
  await publishDraft(adapters, team, draft, (policy) => ({ ...published.policy, title: policy.title }));
  const dsl = await aPersonWithAccount(
    adapters,
    school.id,
    {
      givenName: 'Dana',
      familyName: 'Lead',
      email: `dsl@${slug}.example`,
      roles: [{ role: 'staff', jobTitle: 'Deputy head', duties: ['dsl'] }],
    },
    { authenticator: true },
  );
  const teacher = await aPersonWithAccount(adapters, school.id, {
    givenName: 'Theo',
    familyName: 'Teach',
    email: `theo@${slug}.example`,
    roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
  });
  return { school, team, dsl, teacher };
}
