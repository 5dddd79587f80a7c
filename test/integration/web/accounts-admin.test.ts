// Changing who has access: the Headteacher makes a colleague administrator and disables an
// account, confirming each change with a fresh code; the rules on whose access can change.
import { expect, it } from 'vitest';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { aPersonWithAccount, aSchool, signIn } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';

/**
 * The code of the step after the one used to sign in: a step-up needs a later code than the last
 * one accepted, and a code from the next step is still within the window Footprint accepts.
 */
const nextStep = () => new Date(Date.now() + 30_000);

describeEachBackend('Changing access', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const adapters = () => testApp().adapters;
  const account = async (schoolId: string, accountId: string) =>
    (await adapters().units.inSchool(schoolId, (store) => store.accounts.find(accountId)))?.account;

  async function people(slug: string, urn: string) {
    const school = await aSchool(adapters(), slug, urn);
    const head = await aPersonWithAccount(
      adapters(),
      school.id,
      {
        givenName: 'Hana',
        familyName: 'Head',
        email: `head@${slug}.example`,
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    // With an authenticator already, as an administrator must have.
    const office = await aPersonWithAccount(
      adapters(),
      school.id,
      {
        givenName: 'Olu',
        familyName: 'Office',
        email: `olu@${slug}.example`,
        roles: [{ role: 'staff', jobTitle: 'Office manager', duties: ['office'] }],
      },
      { authenticator: true },
    );
    return { school, head, office };
  }

  it('makes a colleague administrator only with a fresh code, and writes it on the audit log', async () => {
    const { school, head, office } = await people('oak', '400001');
    const browser = await signIn(app, head);
    const page = await browser.get(`/accounts/${office.personId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Make them an administrator');

    const noCode = await browser.post(`/accounts/${office.personId}/admin`, { value: 'yes' });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.body).toContain('Enter the 6-digit code');
    const wrong = await browser.post(`/accounts/${office.personId}/admin`, { value: 'yes', code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect((await account(school.id, office.accountId))?.schoolAdmin).toBe(false);

    const done = await browser.post(`/accounts/${office.personId}/admin`, {
      value: 'yes',
      code: totpCode(head.key!, nextStep()),
    });
    expect(done.statusCode).toBe(303);
    expect((await account(school.id, office.accountId))?.schoolAdmin).toBe(true);
    const entries = await adapters().units.inSchool(school.id, (store) => store.audit.list({ limit: 10, offset: 0 }));
    expect(entries.items[0]).toMatchObject({
      action: 'role_changed',
      actorPersonId: head.personId,
      subject: { kind: 'person', id: office.personId },
      details: { schoolAdmin: true },
    });
    expect(entries.items.map((e) => e.action)).toContain('sign_in_failed');

    // Taking the grant away again signs them out everywhere at once.
    const theirs = await signIn(app, office);
    expect((await theirs.get('/home')).statusCode).toBe(200);
    await browser.get(`/accounts/${office.personId}`);
    // A third code within the same minute: forget the last one used, so the current one works.
    await adapters().units.inSchool(school.id, (store) =>
      store.accounts.change(head.accountId, { totpLastStep: null }, new Date()),
    );
    const removed = await browser.post(`/accounts/${office.personId}/admin`, {
      value: 'no',
      code: totpCode(head.key!, new Date()),
    });
    expect(removed.headers.location).toBe(`/accounts/${office.personId}?done=not-admin`);
    expect((await theirs.get('/home')).statusCode).toBe(303);
  });

  it('disables an account and signs its owner out everywhere at once', async () => {
    const { head, office } = await people('pine', '400002');
    const theirs = await signIn(app, office);
    expect((await theirs.get('/home')).statusCode).toBe(200);
    const browser = await signIn(app, head);
    await browser.get(`/accounts/${office.personId}`);
    const done = await browser.post(`/accounts/${office.personId}/disabled`, {
      value: 'yes',
      code: totpCode(head.key!, nextStep()),
    });
    expect(done.headers.location).toBe(`/accounts/${office.personId}?done=disabled`);
    expect((await theirs.get('/home')).statusCode).toBe(303);
    const again = await signIn(app, office);
    expect((await again.get('/home')).statusCode).toBe(303);
  });

  it('lets nobody change their own access, and an administrator not the Headteacher’s', async () => {
    const { school, head } = await people('rowan', '400003');
    const admin = await aPersonWithAccount(
      adapters(),
      school.id,
      {
        givenName: 'Ada',
        familyName: 'Admin',
        email: 'ada@rowan.example',
        roles: [{ role: 'staff', jobTitle: 'Business manager', duties: ['office'] }],
        schoolAdmin: true,
      },
      { authenticator: true },
    );
    const browser = await signIn(app, admin);
    const headPage = await browser.get(`/accounts/${head.personId}`);
    expect(headPage.body).toContain('Only another Headteacher can change');
    expect(headPage.body).not.toContain('data-qa="disabled-form"');
    const forced = await browser.post(`/accounts/${head.personId}/disabled`, {
      value: 'yes',
      code: totpCode(admin.key!, nextStep()),
    });
    expect(forced.statusCode).toBe(403);
    expect((await account(school.id, head.accountId))?.disabledAt).toBeUndefined();
    const own = await browser.get(`/accounts/${admin.personId}`);
    expect(own.body).toContain('You cannot change your own access');
  });

  it('lists the school’s accounts, and only this school’s', async () => {
    const { head } = await people('sorrel', '400004');
    await people('thyme', '400005');
    const browser = await signIn(app, head);
    const list = await browser.get('/accounts');
    expect(list.body).toContain('olu@sorrel.example');
    expect(list.body).not.toContain('thyme.example');
  });
});
