// Writing a generated demo trust into the database: every school, its people with all their
// roles, its pupils, and the links between carers and pupils, in one transaction.
import { needsSecondFactor } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { demoRoles, everyone, type DemoTrust } from '../domain/demo/index.ts';
import type { Adapters } from './ports.ts';
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

export function createDemoService({
  inTransaction,
  crypto,
  clock,
}: Pick<Adapters, 'inTransaction' | 'crypto' | 'clock'>) {
  return {
    /** Writes the trust; given a password, its people who show each role get accounts with it. */
    async write(trust: DemoTrust, password?: string): Promise<DemoWritten[]> {
      const passwordHash = password === undefined ? undefined : await crypto.passwords.hash(password);
      return inTransaction(async (store) => {
        const organisation = await store.schools.addOrganisation(trust.organisation);
        const written: DemoWritten[] = [];
        for (const demo of trust.schools) {
          const school = await addSchoolTo(store, organisation.id, demo.school);
          const pupils = await store.pupils.add(school.id, demo.pupils);
          const pupilIds = new Map(pupils.map((p) => [p.misId, p.id]));
          const people = everyone(demo);
          const saved = await store.people.add(school.id, people);
          const links = people.flatMap((entry, i) =>
            entry.links.map((link) => ({
              pupilId: pupilIds.get(link.pupilMisId) ?? '',
              carerId: saved[i]?.id ?? '',
              relationship: link.relationship,
              parentalResponsibility: link.parentalResponsibility,
              contactPriority: link.contactPriority,
            })),
          );
          await store.pupils.linkCarers(school.id, links);
          const signIns: DemoSignIn[] = [];
          for (const { role, person: demoPerson } of demoRoles(demo)) {
            const index = demoPerson ? people.indexOf(demoPerson) : -1;
            const person = saved[index];
            const email = demoPerson?.person.email;
            if (!person || !email || !passwordHash) continue;
            const account = await store.accounts.add(school.id, { personId: person.id, email, passwordHash });
            const signIn: DemoSignIn = { role, email };
            if (needsSecondFactor(accessRolesOf(person.roles, { schoolAdmin: false }))) {
              const key = crypto.totp.newSecret();
              const codes = crypto.recoveryCodes.generate();
              await store.accounts.change(
                school.id,
                account.id,
                { totpSecret: crypto.secrets.seal(key, account.id) },
                clock.now(),
              );
              await store.accounts.replaceRecoveryCodes(
                school.id,
                account.id,
                codes.map((code) => code.hash),
              );
              signIn.authenticatorKey = key;
              signIn.recoveryCodes = codes.map((code) => code.code);
            }
            signIns.push(signIn);
          }
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
