// Signing in with the school's own provider, through the real pages and a real OpenID Connect
// provider on loopback: the email domain sends people there, the verified address they come back
// with must belong to an account at that school, and restricted roles still give their code.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOidcSignOn } from '../../../src/adapters/identity/oidc.ts';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import { createLogger } from '../../../src/log.ts';
import { buildApp } from '../../../src/web/app.ts';
import { createAdapters, createServices, type RunningAdapters } from '../../../src/wiring.ts';
import { describeEachBackend, type TestDatabase } from '../../support/backends.ts';
import { browserFor } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool } from '../../support/community.ts';
import { signInAtProvider } from '../identity/provider-browser.ts';
import { startTestProvider, type TestProvider } from '../identity/test-provider.ts';
import type { FastifyInstance } from 'fastify';

describeEachBackend('Signing in with the school’s provider', (backend) => {
  let database: TestDatabase;
  let adapters: RunningAdapters;
  let app: FastifyInstance;
  let provider: TestProvider;

  beforeAll(async () => {
    database = await backend.open();
    adapters = await createAdapters(database.config, createLogger(database.config));
    await adapters.migrate();
    // The provider here speaks plain http on loopback, which only a test may allow.
    adapters.singleSignOn = createOidcSignOn({ allowInsecureRequests: true });
    app = await buildApp(createServices(adapters), { config: database.config });
    provider = await startTestProvider({
      claimsInIdToken: true,
      redirectUri: `${database.config.baseUrl}/sign-in/callback`,
      people: {
        'teacher-1': { email: 'tom@willow.example', email_verified: true },
        'head-1': { email: 'head@willow.example', email_verified: true },
        'unverified-1': { email: 'tom@willow.example', email_verified: false },
        'stranger-1': { email: 'nobody@willow.example', email_verified: true },
        'other-school-1': { email: 'tom@yew.example', email_verified: true },
      },
    });
  });
  afterAll(async () => {
    await provider.close();
    await app.close();
    await adapters.close();
    await database.destroy();
  });

  async function willow() {
    const school = await aSchool(adapters, 'willow', '500001');
    await adapters.units.inSchool(school.id, (store) =>
      store.signOn.save(
        {
          schoolId: school.id,
          setting: { provider: 'google', clientId: provider.clientId, emailDomain: 'willow.example' },
          issuer: provider.issuer,
          sealedSecret: adapters.crypto.secrets.seal(provider.clientSecret, school.id),
        },
        new Date(),
      ),
    );
    const tom = await aPersonWithAccount(adapters, school.id, {
      givenName: 'Tom',
      familyName: 'Teach',
      email: 'tom@willow.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    const head = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Hana',
        familyName: 'Head',
        email: 'head@willow.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    return { school, tom, head };
  }

  /** From the sign-in page to the provider as `accountId`, and back to Footprint's callback. */
  async function viaProvider(accountId: string, email: string) {
    const browser = browserFor(() => app);
    await browser.get('/sign-in');
    const away = await browser.post('/sign-in/school-account', { schoolEmail: email });
    expect(away.statusCode).toBe(303);
    const back = await signInAtProvider(away.headers.location!, `${database.config.baseUrl}/sign-in/callback`, {
      accountId,
    });
    const url = new URL(back);
    const returned = await browser.get(`${url.pathname}${url.search}`);
    return { browser, returned };
  }

  it('signs a teacher in with their school account, and a Headteacher only with their code too', async () => {
    const { head } = await willow();
    const teacher = await viaProvider('teacher-1', 'tom@willow.example');
    expect(teacher.returned.headers.location).toBe('/home');
    expect((await teacher.browser.get('/home')).body).toContain('Welcome, Tom Teach');

    const headteacher = await viaProvider('head-1', 'head@willow.example');
    expect(headteacher.returned.headers.location).toBe('/sign-in/code');
    expect((await headteacher.browser.get('/home')).statusCode).toBe(303);
    await headteacher.browser.get('/sign-in/code');
    const coded = await headteacher.browser.post('/sign-in/code', { code: totpCode(head.key!, new Date()) });
    expect(coded.headers.location).toBe('/home');
  });

  it('refuses an unverified address, an address with no account, and a domain no school uses', async () => {
    const unverified = await viaProvider('unverified-1', 'tom@willow.example');
    expect(unverified.returned.statusCode).toBe(401);
    expect((await unverified.browser.get('/home')).statusCode).toBe(303);

    const stranger = await viaProvider('stranger-1', 'nobody@willow.example');
    expect(stranger.returned.statusCode).toBe(401);
    expect(stranger.returned.body).toContain('There is no Footprint account for that address at your school');

    const browser = browserFor(() => app);
    await browser.get('/sign-in');
    const nowhere = await browser.post('/sign-in/school-account', { schoolEmail: 'someone@elsewhere.example' });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.body).toContain('No school signs in with Google or Microsoft for that address');
    expect(nowhere.body).toContain('value="someone@elsewhere.example"');
  });

  it('does not let one school’s provider open an account at another school', async () => {
    const yew = await aSchool(adapters, 'yew', '500002');
    await aPersonWithAccount(adapters, yew.id, {
      givenName: 'Tom',
      familyName: 'Yew',
      email: 'tom@yew.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    // Willow's provider vouches for an address that belongs to an account at Yew.
    const crossing = await viaProvider('other-school-1', 'tom@willow.example');
    expect(crossing.returned.statusCode).toBe(401);
    expect((await crossing.browser.get('/home')).statusCode).toBe(303);
  });

  it('goes back to sign in when someone arrives at the callback without having left for the provider', async () => {
    const browser = browserFor(() => app);
    const stray = await browser.get('/sign-in/callback?code=forged&state=forged');
    expect(stray.headers.location).toBe('/sign-in');
  });
});
