// The Headteacher's audit page: the school's entries with who acted, filters that keep what was
// typed, and the check that the chain is whole.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn, testPassword as password } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';

describeEachBackend('The audit page', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;

  async function signedInHead() {
    const adapters = testApp().adapters;
    const school = await aSchool(adapters, 'quarry', '300001');
    const head = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Hana',
        familyName: 'Head',
        email: 'head@quarry.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    await aPersonWithAccount(adapters, school.id, {
      givenName: 'Tom',
      familyName: 'Teach',
      email: 'tom@quarry.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });

    // Tom gets his password wrong once, then signs in.
    const tom = browserFor(app);
    await tom.get('/sign-in');
    await tom.post('/sign-in', { email: 'tom@quarry.example', password: 'not it at all' });
    await tom.get('/sign-in');
    await tom.post('/sign-in', { email: 'tom@quarry.example', password });

    const browser = await signIn(app, head);
    return { browser, units: adapters.units, school };
  }

  it('lists who did what, filters by action, and keeps a wrong date as typed', async () => {
    const { browser, units, school } = await signedInHead();
    const all = await browser.get('/audit');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('3 entries');
    expect(all.body).toContain('Tom Teach');
    expect(all.body).toContain('Sign-in refused');

    const refused = await browser.get('/audit?action=sign_in_failed');
    expect(refused.body).toContain('1 entry');
    const table = refused.body.slice(refused.body.indexOf('data-qa="entries"'));
    expect(table).toContain('Tom Teach');
    expect(table).not.toContain('Hana Head');

    const wrong = await browser.get('/audit?from=2026-13-45');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter the first day as a date');
    expect(wrong.body).toContain('value="2026-13-45"');

    const check = await browser.get('/audit/check');
    expect(check.body).toContain('3 entries, chain intact');

    // The page reads only this school's log.
    const other = await units.acrossSchools(async (store) =>
      store.schools.addSchool((await store.schools.addOrganisation({ name: 'Other', kind: 'trust' })).id, {
        name: 'Other Primary',
        slug: 'other-quarry',
        urn: '300002',
        phase: 'primary',
        address: { line1: '2 Pit Lane', town: 'Exampleton', postcode: 'EX3 3CD' },
        contactEmail: 'office@other.example',
        day: { starts: '08:45', ends: '15:15' },
      }),
    );
    await units.inSchool(other.id, (store) =>
      store.audit.append({ schoolId: other.id, at: new Date(), actorPersonId: null, action: 'setting_changed' }),
    );
    expect((await browser.get('/audit')).body).toContain('3 entries');
    expect(school.id).not.toBe(other.id);
  });
});
