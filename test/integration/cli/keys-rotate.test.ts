// `footprint keys rotate`, run as an operator would: every sealed secret moves to the new master key
// in one go, the old key then opens nothing, the new one opens everything, and the Headteacher
// still signs in with their authenticator app once Footprint is given the new key.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import type { Config } from '../../../src/config.ts';
import { createAdapters, type RunningAdapters } from '../../../src/wiring.ts';
import { startTestApp } from '../../support/app.ts';
import {
  type Backend,
  describeEachBackend,
  environmentFor,
  testConfig,
  type TestDatabase,
} from '../../support/backends.ts';
import { aPersonWithAccount, aSchool, signIn, type TestAccount } from '../../support/community.ts';
import { runFootprint } from '../../support/processes.ts';

const loginSecret = 'rotation-canary-login-7Qx';
const clientSecret = 'rotation-canary-client-9Zp';

async function withAdapters<T>(config: Config, work: (adapters: RunningAdapters) => Promise<T>): Promise<T> {
  const adapters = await createAdapters(config, createLogger(config));
  try {
    await adapters.migrate();
    return await work(adapters);
  } finally {
    await adapters.close();
  }
}

describeEachBackend('Rotating the master key', (backend: Backend) => {
  let database: TestDatabase;
  let head: TestAccount;
  let accountId: string;
  const newKey = randomBytes(32).toString('base64');

  beforeAll(async () => {
    database = await backend.open();
    await withAdapters(database.config, async (adapters) => {
      const school = await aSchool(adapters, 'oak', '600001');
      head = await aPersonWithAccount(
        adapters,
        school.id,
        {
          givenName: 'Hana',
          familyName: 'Head',
          email: 'head@oak.example',
          roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
        },
        { authenticator: true },
      );
      const { units, crypto } = adapters;
      await units.inSchool(school.id, async (store) => {
        const account = await store.officialAccounts.add({
          platform: 'blog',
          address: 'https://class3.oak.example',
          purpose: 'Class 3 news',
          audience: 'parents',
          managerPersonId: head.personId,
          commentsOn: false,
          interaction: 'one_way',
          risk: {
            visibility: 'approved',
            pupils: 'never',
            moderation: 'none_possible',
            hacked: 'protected',
            contributors: 'no',
          },
          outcome: { level: 'low', reasons: [] },
          requestedBy: head.personId,
          at: new Date(),
        });
        accountId = account.id;
        await store.officialAccounts.decide(accountId, {
          status: 'approved',
          reviewDue: '2027-09-01',
          by: head.personId,
          at: new Date(),
        });
        await store.officialAccounts.saveLogin({
          accountId,
          escrowed: crypto.escrow.seal(JSON.stringify({ username: 'class3', password: loginSecret }), accountId),
          depositedBy: head.personId,
          depositedAt: new Date(),
        });
        await store.signOn.save(
          {
            schoolId: school.id,
            setting: { provider: 'google', clientId: 'client-id', emailDomain: 'oak.example' },
            issuer: 'https://accounts.google.com',
            sealedSecret: crypto.secrets.seal(clientSecret, school.id),
          },
          new Date(),
        );
      });
    });
  });

  afterAll(async () => {
    await database?.destroy();
  });

  it('refuses a key on the command line, a missing or malformed key, and the key already in use', async () => {
    const env = environmentFor(database.config);
    const onCommandLine = await runFootprint(['keys', 'rotate', newKey], env);
    expect(onCommandLine.code).toBe(2);
    expect(onCommandLine.stderr).toContain('not on the command line');
    expect((await runFootprint(['keys', 'rotate'], env)).code).toBe(2);
    expect((await runFootprint(['keys', 'rotate'], { ...env, NEW_SECRETS_KEY: 'c2hvcnQ=' })).code).toBe(2);
    const current = (await readFile(`${database.config.dataDir}/secrets.key`, 'utf8')).trim();
    const same = await runFootprint(['keys', 'rotate'], { ...env, NEW_SECRETS_KEY: current });
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('already in use');
  });

  it('moves every secret to the new key, proves it, and prints counts only', async () => {
    const rotated = await runFootprint(['keys', 'rotate'], {
      ...environmentFor(database.config),
      NEW_SECRETS_KEY: newKey,
    });
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('escrowed logins of official accounts: 1');
    expect(rotated.stdout).toContain('authenticator app keys: 1');
    expect(rotated.stdout).toContain('single sign-on client secrets: 1');
    for (const secret of [loginSecret, clientSecret, newKey, head.key!]) expect(rotated.stdout).not.toContain(secret);

    // The old key (still in DATA_DIR/secrets.key) opens nothing now.
    await withAdapters(database.config, async ({ units, crypto }) => {
      const { login, found } = await units.acrossSchools(async (store) => ({
        login: (await store.officialAccounts.allLogins())[0]!,
        found: await store.accounts.findByEmail('head@oak.example'),
      }));
      expect(() => crypto.escrow.open(login.escrowed, accountId)).toThrow(/SECRETS_KEY/);
      expect(() => crypto.secrets.open(found!.secrets.totpSecret!, found!.account.id)).toThrow(/SECRETS_KEY/);
    });

    const switched = testConfig({ ...environmentFor(database.config), SECRETS_KEY: newKey });
    await withAdapters(switched, async ({ units, crypto }) => {
      const { login, secrets } = await units.acrossSchools(async (store) => ({
        login: (await store.officialAccounts.allLogins())[0]!,
        secrets: await store.sealedSecrets.all(),
      }));
      expect(crypto.escrow.open(login.escrowed, accountId)).toContain(loginSecret);
      const signOn = secrets.find((value) => value.kind === 'sign_on')!;
      expect(crypto.secrets.open(signOn.sealed, signOn.associatedData)).toBe(clientSecret);
    });

    // With the new key, the Headteacher signs in with their authenticator app as before.
    const testApp = await startTestApp({ config: switched, destroy: () => Promise.resolve() });
    try {
      const browser = await signIn(() => testApp.app, head);
      const home = await browser.get('/home');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('Welcome, Hana Head');
    } finally {
      await testApp.close();
    }
  });
});
