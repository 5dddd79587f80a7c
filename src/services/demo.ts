// Writing a generated demo trust into the database: every school, its people with all their
// roles, its pupils, and the links between carers and pupils, in one unit of work.
import { needsSecondFactor } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { demoRoles, everyone, type DemoTrust } from '../domain/demo/index.ts';
import { schoolDay } from '../domain/calendar/school-day.ts';
import type { Person } from '../domain/community/people.ts';
import type { School } from '../domain/community/school.ts';
import { adoptedDocument } from '../domain/school-policy/adopt.ts';
import { contentHashOf } from '../domain/school-policy/document.ts';
import { yearsAfter } from '../domain/school-policy/versions.ts';
import type { PolicyLibrary } from './policies.ts';
import type { Adapters, SchoolStore } from './ports.ts';
import { addSchoolTo } from './community.ts';

/** How to sign in as one of a demo school's people. */
export interface DemoSignIn {
  role: string;
  email: string;
  /** For roles that need a second factor: the key to type into an authenticator app… */
  authenticatorKey?: string;
  /** …or, without an app, one-time codes to use instead. */
  recoveryCodes?: string[];
}

export interface DemoWritten {
  slug: string;
  name: string;
  people: number;
  pupils: number;
  links: number;
  signIns: DemoSignIn[];
}

/**
 * The model policy as each demo school's published version 1.0, ratified by its chair of
 * governors, so that the public policy page and "Check the policy" work from the start.
 */
async function publishModel(
  store: SchoolStore,
  library: PolicyLibrary,
  school: School,
  people: readonly Person[],
  now: Date,
) {
  const model = library.find('model');
  if (!model?.ok) return;
  const has = (duty: string) =>
    people.find((p) => p.roles.some((r) => 'duties' in r && (r.duties as readonly string[]).includes(duty)));
  const head = has('headteacher');
  const chair = has('chair') ?? head;
  if (!head || !chair) return;
  const today = schoolDay(now);
  const document = adoptedDocument(model.policy, school, today);
  const version = await store.policyVersions.add({
    label: '1.0',
    document,
    contentHash: contentHashOf(document),
    adoptedFrom: { kind: 'model' },
    changeSummary: 'Adopted from Footprint’s model policy (demo)',
    createdBy: head.id,
    at: now,
  });
  await store.policyVersions.move(version.id, 'draft', 'awaiting_ratification', {
    at: now,
    submittedAt: now,
  });
  await store.policyVersions.move(version.id, 'awaiting_ratification', 'ratified', {
    at: now,
    ratifiedAt: now,
    reviewDue: yearsAfter(today, 2),
  });
  await store.policyVersions.ratify({
    versionId: version.id,
    recordedBy: chair.id,
    ratifiedOn: today,
    meeting: 'Full governing body (demo)',
    recordedAt: now,
  });
  await store.policyVersions.move(version.id, 'ratified', 'published', { at: now, publishedAt: now });
}

export function createDemoService({
  units,
  crypto,
  clock,
  policyLibrary,
}: Pick<Adapters, 'units' | 'crypto' | 'clock' | 'policyLibrary'>) {
  return {
    /**
     * Writes the trust, all of it or none; given a password, its people who show each role get
     * accounts with it. The password is hashed once, before the unit begins.
     */
    async write(trust: DemoTrust, password?: string): Promise<DemoWritten[]> {
      const passwordHash = password === undefined ? undefined : await crypto.passwords.hash(password);
      return units.acrossSchools(async (across) => {
        // Every school first, while the unit still looks across schools; then each school's records,
        // the unit scoped to that school in turn.
        const organisation = await across.schools.addOrganisation(trust.organisation);
        const added: { demo: DemoTrust['schools'][number]; school: School }[] = [];
        for (const demo of trust.schools) {
          added.push({ demo, school: await addSchoolTo(across, organisation.id, demo.school) });
        }
        const written: DemoWritten[] = [];
        for (const { demo, school } of added) {
          const store = await across.enterSchool(school.id);
          const pupils = await store.pupils.add(demo.pupils);
          const pupilIds = new Map(pupils.map((p) => [p.misId, p.id]));
          const people = everyone(demo);
          const saved = await store.people.add(people);
          const links = people.flatMap((entry, i) =>
            entry.links.map((link) => ({
              pupilId: pupilIds.get(link.pupilMisId) ?? '',
              carerId: saved[i]?.id ?? '',
              relationship: link.relationship,
              parentalResponsibility: link.parentalResponsibility,
              contactPriority: link.contactPriority,
            })),
          );
          await store.pupils.linkCarers(links);
          const signIns: DemoSignIn[] = [];
          for (const { role, person: demoPerson } of demoRoles(demo)) {
            const index = demoPerson ? people.indexOf(demoPerson) : -1;
            const person = saved[index];
            const email = demoPerson?.person.email;
            if (!person || !email || !passwordHash) continue;
            const account = await store.accounts.add({ personId: person.id, email, passwordHash });
            const signIn: DemoSignIn = { role, email };
            if (needsSecondFactor(accessRolesOf(person.roles, { schoolAdmin: false }))) {
              const key = crypto.totp.newSecret();
              const codes = crypto.recoveryCodes.generate();
              await store.accounts.change(
                account.id,
                { totpSecret: crypto.secrets.seal(key, account.id) },
                clock.now(),
              );
              await store.accounts.replaceRecoveryCodes(
                account.id,
                codes.map((code) => code.hash),
              );
              signIn.authenticatorKey = key;
              signIn.recoveryCodes = codes.map((code) => code.code);
            }
            signIns.push(signIn);
          }
          await publishModel(store, policyLibrary, school, saved, clock.now());
          written.push({
            signIns,
            slug: school.slug,
            name: school.name,
            people: saved.length,
            pupils: pupils.length,
            links: links.length,
          });
        }
        return written;
      });
    },
  };
}
