// The single sign-on settings page: saved only with a fresh code, the secret never shown again,
// and a mistake answered with what to fix while keeping what was typed.
import { expect, it } from 'vitest';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { aPersonWithAccount, aSchool, signIn } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';

describeEachBackend('The sign-on settings', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;

  it('saves Microsoft settings with the changer’s code, seals the secret, and never shows it', async () => {
    const adapters = testApp().adapters;
    const school = await aSchool(adapters, 'alder', '600001');
    const head = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Hana',
        familyName: 'Head',
        email: 'head@alder.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    const browser = await signIn(app, head);
    await browser.get('/settings/sign-on');
    const fields = {
      provider: 'microsoft',
      tenantId: 'not-a-tenant',
      clientId: 'client-123',
      clientSecret: 'a very secret value',
      emailDomain: '@Alder.Example',
      // The next step's code: later than the one used to sign in, still within the window.
      code: totpCode(head.key!, new Date(Date.now() + 30_000)),
    };
    const wrong = await browser.post('/settings/sign-on', fields);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter your directory (tenant) id');
    expect(wrong.body).toContain('value="client-123"');
    expect(wrong.body).not.toContain('a very secret value');

    const saved = await browser.post('/settings/sign-on', {
      ...fields,
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
    expect(saved.headers.location).toBe('/settings/sign-on?saved=yes');
    const stored = await adapters.units.inSchool(school.id, (store) => store.signOn.find());
    expect(stored).toMatchObject({
      setting: { provider: 'microsoft', emailDomain: 'alder.example', clientId: 'client-123' },
      issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
    });
    expect(stored!.sealedSecret).not.toContain('secret');
    expect(adapters.crypto.secrets.open(stored!.sealedSecret, school.id)).toBe('a very secret value');
    const page = await browser.get('/settings/sign-on');
    expect(page.body).not.toContain('a very secret value');
    expect(page.body).toContain('value="alder.example"');
    const entries = await adapters.units.inSchool(school.id, (store) =>
      store.audit.list({ action: 'setting_changed', limit: 5, offset: 0 }),
    );
    expect(entries.items).toHaveLength(1);
  });

  it('refuses to save without a working code', async () => {
    const adapters = testApp().adapters;
    const school = await aSchool(adapters, 'birch', '600002');
    const head = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Hana',
        familyName: 'Head',
        email: 'head@birch.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    const browser = await signIn(app, head);
    await browser.get('/settings/sign-on');
    const refused = await browser.post('/settings/sign-on', {
      provider: 'google',
      clientId: 'client-9',
      clientSecret: 'secret-9',
      emailDomain: 'birch.example',
      code: '000000',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('That code did not work');
    expect(await adapters.units.inSchool(school.id, (store) => store.signOn.find())).toBeUndefined();
  });
});
