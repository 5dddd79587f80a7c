// Builders for tests that need a school, people in it, and accounts that can sign in.
import type { FastifyInstance } from 'fastify';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import type { RoleHeld } from '../../src/domain/community/people.ts';
import type { RunningAdapters } from '../../src/wiring.ts';
import { createServices } from '../../src/wiring.ts';
import { browserFor, type Browser } from './browser.ts';

export const testPassword = 'harbour lantern meadow';

export async function aSchool(adapters: RunningAdapters, slug: string, urn: string) {
  return adapters.units.acrossSchools(async (store) => {
    const organisation = await store.schools.addOrganisation({ name: `${slug} trust`, kind: 'standalone' });
    return store.schools.addSchool(organisation.id, {
      name: `${slug[0]!.toUpperCase()}${slug.slice(1)} Primary`,
      slug,
      urn,
      phase: 'primary',
      address: { line1: '1 School Lane', town: 'Exampleton', postcode: 'EX1 1AA' },
      contactEmail: `office@${slug}.example`,
      day: { starts: '08:45', ends: '15:15' },
    });
  });
}

export interface TestAccount {
  schoolId: string;
  personId: string;
  accountId: string;
  email: string;
  /** The authenticator key, when the account has one. */
  key?: string;
}

/** A person with these roles and an account with the test password (and an authenticator key if asked). */
export async function aPersonWithAccount(
  adapters: RunningAdapters,
  schoolId: string,
  who: { givenName: string; familyName: string; email: string; roles: RoleHeld[]; schoolAdmin?: boolean },
  options: { authenticator?: boolean } = {},
): Promise<TestAccount> {
  const { units, crypto } = adapters;
  const services = createServices(adapters);
  const [person] = await units.inSchool(schoolId, (store) =>
    store.people.add([
      { person: { givenName: who.givenName, familyName: who.familyName, email: who.email }, roles: who.roles },
    ]),
  );
  const account = await services.access.addAccount(schoolId, person!.id, who.email, {
    schoolAdmin: who.schoolAdmin ?? false,
  });
  const problems = await services.access.setPassword(schoolId, account.id, testPassword);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const made: TestAccount = { schoolId, personId: person!.id, accountId: account.id, email: who.email };
  if (options.authenticator) {
    const key = crypto.totp.newSecret();
    made.key = key;
    await units.inSchool(schoolId, (store) =>
      store.accounts.change(account.id, { totpSecret: crypto.secrets.seal(key, account.id) }, new Date()),
    );
  }
  return made;
}

/** Signs in through the pages: password, then a code when the account has an authenticator. */
export async function signIn(app: () => FastifyInstance, account: TestAccount, at = new Date()): Promise<Browser> {
  const browser = browserFor(app);
  await browser.get('/sign-in');
  await browser.post('/sign-in', { email: account.email, password: testPassword });
  if (account.key) {
    await browser.get('/sign-in/code');
    await browser.post('/sign-in/code', { code: totpCode(account.key, at) });
  }
  return browser;
}
