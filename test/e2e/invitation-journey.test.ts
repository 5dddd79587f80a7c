// Emailed links in a browser, walked as someone on a small phone with JavaScript turned off
// would: an invitation through to signing in with an authenticator app, a parent's sign-in link,
// and a password reset that still asks for the code. Footprint runs in this process, so that the
// test can read its development outbox as the person would read their email.
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/adapters/crypto/totp.ts';
import { createServices, type RunningAdapters } from '../../src/wiring.ts';
import { startTestApp } from '../support/app.ts';
import { backends } from '../support/backends.ts';
import { browserAvailable } from '../support/environment.ts';
import {
  AskForSignInLinkPage,
  CheckYourEmailPage,
  ConfirmInvitationPage,
  ConfirmSignInPage,
  ForgotPasswordPage,
  LinkUnusablePage,
  PasswordChangedPage,
  ResetPasswordPage,
  signInPageLinks,
} from './pages/link-pages.ts';
import {
  CodePage,
  HomePage,
  RecoveryCodesPage,
  SecondFactorPage,
  SetPasswordPage,
  SignInPage,
} from './pages/sign-in-pages.ts';
import { expectAccessible } from './support/accessibility.ts';
import type { RunningFootprint } from './support/browser.ts';
import { browserSession } from './support/session.ts';

const dslPassword = 'harbour lantern meadow';

interface FootprintWithOutbox extends RunningFootprint {
  adapters: RunningAdapters;
  school: { id: string; name: string };
  headId: string;
  inviterAccountId: string;
  dsl: { email: string; key: string };
}

/** Footprint on a fresh embedded database, listening here, with one school and its people. */
async function startWithOutbox(): Promise<FootprintWithOutbox> {
  const database = await backends.pglite.open();
  const running = await startTestApp(database);
  try {
    const baseUrl = await running.app.listen({ port: 0, host: '127.0.0.1' });
    const { units, crypto } = running.adapters;
    const services = createServices(running.adapters);
    const school = await units.acrossSchools(async (store) => {
      const organisation = await store.schools.addOrganisation({ name: 'Oakfield Trust', kind: 'standalone' });
      return store.schools.addSchool(organisation.id, {
        name: 'Oakfield Primary',
        slug: 'oakfield',
        urn: '400001',
        phase: 'primary',
        address: { line1: '1 School Lane', town: 'Oakfield', postcode: 'OX7 6XQ' },
        contactEmail: 'office@oakfield.example.org',
        day: { starts: '08:45', ends: '15:15' },
      });
    });
    const [office, head, parent, dsl] = await units.inSchool(school.id, (store) =>
      store.people.add([
        {
          person: { givenName: 'Olive', familyName: 'Office', email: 'olive@oakfield.example.org' },
          roles: [{ role: 'staff', jobTitle: 'Office manager', duties: ['office'] }],
        },
        {
          person: { givenName: 'Ada', familyName: 'Okafor', email: 'head@oakfield.example.org' },
          roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
        },
        {
          person: { givenName: 'Paula', familyName: 'Parent', email: 'paula@oakfield.example.org' },
          roles: [{ role: 'parent' }],
        },
        {
          person: { givenName: 'Dev', familyName: 'Safeguard', email: 'dsl@oakfield.example.org' },
          roles: [{ role: 'staff', jobTitle: 'Deputy head', duties: ['dsl'] }],
        },
      ]),
    );
    const inviter = await services.access.addAccount(school.id, office!.id, 'olive@oakfield.example.org', {
      schoolAdmin: true,
    });
    await services.access.addAccount(school.id, parent!.id, 'paula@oakfield.example.org');
    const dslAccount = await services.access.addAccount(school.id, dsl!.id, 'dsl@oakfield.example.org');
    await services.access.setPassword(school.id, dslAccount.id, dslPassword);
    const key = crypto.totp.newSecret();
    await units.inSchool(school.id, (store) =>
      store.accounts.change(dslAccount.id, { totpSecret: crypto.secrets.seal(key, dslAccount.id) }, new Date()),
    );
    return {
      baseUrl,
      adapters: running.adapters,
      school,
      headId: head!.id,
      inviterAccountId: inviter.id,
      dsl: { email: 'dsl@oakfield.example.org', key },
      async stop() {
        try {
          await running.close();
        } finally {
          await database.destroy();
        }
      },
    };
  } catch (error) {
    await running.close();
    await database.destroy();
    throw error;
  }
}

const phone = { width: 320, javaScriptEnabled: false };

describe.runIf(browserAvailable())('Emailed links in a browser', () => {
  const session = browserSession(startWithOutbox);

  /** The path of the link in the newest email to `to`, as the person would follow it. */
  function linkFromEmail(to: string, path: string): string {
    const message = session
      .footprint()
      .adapters.outbox()
      ?.filter((sent) => sent.to === to)
      .at(-1);
    const found = message && new RegExp(`(${path}/[A-Za-z0-9_-]{43})$`, 'm').exec(message.text);
    if (!found) throw new Error(`No email to that address with a ${path} link`);
    return found[1]!;
  }

  it('takes an invited Headteacher from the email to signed in with an authenticator app, and out', async () => {
    const footprint = session.footprint();
    const services = createServices(footprint.adapters);
    const inviter = await services.access.viewer(footprint.school.id, footprint.inviterAccountId);
    expect(await services.links.invite(inviter!, footprint.headId)).toEqual({
      outcome: 'sent',
      email: 'head@oakfield.example.org',
    });
    const invitation = linkFromEmail('head@oakfield.example.org', '/invitation');

    const { page } = await session.open(invitation, phone);
    const accept = await ConfirmInvitationPage.verifyOnPage(page);
    await expectAccessible(page);
    await accept.continue();
    const choose = await SetPasswordPage.verifyOnPage(page);
    await expectAccessible(page);
    await choose.fill({ 'New password': 'copper kettle orchard', 'Type the password again': 'copper kettle orchard' });
    await choose.continue();

    const app = await SecondFactorPage.verifyOnPage(page);
    await expectAccessible(page);
    const key = await app.key();
    await app.fill({ 'Code from the app': totpCode(key, new Date()) });
    await app.continue();
    const recovery = await RecoveryCodesPage.verifyOnPage(page);
    expect(await recovery.codes.count()).toBe(10);
    await Promise.all([page.waitForEvent('load'), recovery.continueLink.click()]);

    const home = await HomePage.verifyOnPage(page, 'Ada Okafor');
    await expectAccessible(page);
    await home.signOut();
    const signIn = await SignInPage.verifyOnPage(page);
    await expectAccessible(page);
    await signIn.fill({ 'Email address': 'head@oakfield.example.org', Password: 'copper kettle orchard' });
    await signIn.continue();
    const code = await CodePage.verifyOnPage(page);
    await code.fill({ Code: totpCode(key, new Date(Date.now() + 30_000)) });
    await code.continue();
    await (await HomePage.verifyOnPage(page, 'Ada Okafor')).signOut();
    await SignInPage.verifyOnPage(page);

    // The invitation has done its work.
    await page.goto(`${footprint.baseUrl}${invitation}`);
    const used = await LinkUnusablePage.verifyOnPage(page, 'This link has already been used');
    await expectAccessible(page);
    expect(await used.whatToDo.textContent()).toContain('Ask your school for a new invitation');
  });

  it('signs a parent in with a link from their email, after they press the button', async () => {
    const footprint = session.footprint();
    const { page } = await session.open('/sign-in', phone);
    await SignInPage.verifyOnPage(page);
    await Promise.all([page.waitForEvent('load'), signInPageLinks(page).emailLink.click()]);

    const ask = await AskForSignInLinkPage.verifyOnPage(page);
    await expectAccessible(page);
    await ask.continue();
    await AskForSignInLinkPage.verifyOnPage(page);
    expect(await ask.errorSummary.textContent()).toContain('Enter your email address');
    await expectAccessible(page);
    await ask.fill({ 'Email address': 'paula@oakfield.example.org' });
    await ask.continue();
    const check = await CheckYourEmailPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await check.sentTo.textContent()).toContain('paula@oakfield.example.org');

    await page.goto(`${footprint.baseUrl}${linkFromEmail('paula@oakfield.example.org', '/sign-in/link')}`);
    const confirm = await ConfirmSignInPage.verifyOnPage(page);
    await expectAccessible(page);
    await confirm.continue();
    const home = await HomePage.verifyOnPage(page, 'Paula Parent');
    await expectAccessible(page);
    await home.signOut();
    await SignInPage.verifyOnPage(page);
  });

  it('resets a forgotten password, then still asks for the code from the authenticator app', async () => {
    const footprint = session.footprint();
    const { page } = await session.open('/sign-in', phone);
    await SignInPage.verifyOnPage(page);
    await Promise.all([page.waitForEvent('load'), signInPageLinks(page).forgotPassword.click()]);

    const forgot = await ForgotPasswordPage.verifyOnPage(page);
    await expectAccessible(page);
    await forgot.fill({ 'Email address': footprint.dsl.email });
    await forgot.continue();
    await CheckYourEmailPage.verifyOnPage(page);

    await page.goto(`${footprint.baseUrl}${linkFromEmail(footprint.dsl.email, '/reset-password')}`);
    const reset = await ResetPasswordPage.verifyOnPage(page);
    await expectAccessible(page);
    await reset.fill({ 'New password': 'silver birch lantern', 'Type the password again': 'silver birch' });
    await reset.continue();
    await ResetPasswordPage.verifyOnPage(page);
    expect(await reset.errorSummary.textContent()).toContain('did not match');
    await expectAccessible(page);
    await reset.fill({ 'New password': 'silver birch lantern', 'Type the password again': 'silver birch lantern' });
    await reset.continue();

    const changed = await PasswordChangedPage.verifyOnPage(page);
    await expectAccessible(page);
    await changed.signIn();
    const signIn = await SignInPage.verifyOnPage(page);
    await signIn.fill({ 'Email address': footprint.dsl.email, Password: 'silver birch lantern' });
    await signIn.continue();
    const code = await CodePage.verifyOnPage(page);
    await code.fill({ Code: totpCode(footprint.dsl.key, new Date()) });
    await code.continue();
    await HomePage.verifyOnPage(page, 'Dev Safeguard');
  });
});
