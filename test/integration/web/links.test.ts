// Everything that reaches people by an emailed link, through the real pages, reading each link
// from the development outbox as the person would read it from their email.
import { expect, it } from 'vitest';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import type { RoleHeld } from '../../../src/domain/community/people.ts';
import { steadyAnswerMs } from '../../../src/web/routes/links/shared.ts';
import { createServices, type SentMessage } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor, type Browser } from '../../support/browser.ts';
import { useTestApp } from '../../support/fixtures.ts';

const password = 'harbour lantern meadow';
const newPassword = 'copper kettle orchard';

/** The main part of a page: what a person reads, without the per-response nonce and tokens. */
const mainOf = (body: string) =>
  (/<main[\s\S]*<\/main>/.exec(body)?.[0] ?? '').replace(/name="_csrf" value="[^"]*"/g, '');

const headingOf = (body: string) => /data-qa="page-heading">([^<]+)</.exec(body)?.[1]?.trim();

describeEachBackend('Emailed links', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const services = () => createServices(testApp().adapters);

  const outbox = (): readonly SentMessage[] => {
    const messages = testApp().adapters.outbox();
    if (!messages) throw new Error('The tests expect the development outbox');
    return messages;
  };
  const messagesTo = (email: string) => outbox().filter((message) => message.to === email);
  const lastMessageTo = (email: string) => {
    const message = messagesTo(email).at(-1);
    if (!message) throw new Error('No email was sent to that address');
    return message;
  };
  /** The path of the link in an email, as a browser would open it. */
  const linkIn = (message: SentMessage, path: string) => {
    const found = new RegExp(`^https?://[^/\\s]+(${path}/[A-Za-z0-9_-]{43})$`, 'm').exec(message.text);
    if (!found) throw new Error(`The email has no ${path} link`);
    return found[1]!;
  };

  /**
   * A school with an office manager who runs its Footprint (password and authenticator app), a
   * Headteacher, a parent, a DSL and a teacher. Only the office manager and the DSL have passwords.
   */
  async function school(slug: string, urn: string) {
    const { units, crypto } = testApp().adapters;
    const s = services();
    const created = await units.acrossSchools(async (store) => {
      const organisation = await store.schools.addOrganisation({ name: `${slug} trust`, kind: 'standalone' });
      return store.schools.addSchool(organisation.id, {
        name: `${slug} Primary`,
        slug,
        urn,
        phase: 'primary',
        address: { line1: '1 School Lane', town: 'Exampleton', postcode: 'EX1 1AA' },
        contactEmail: `office@${slug}.example`,
        day: { starts: '08:45', ends: '15:15' },
      });
    });
    const adult = (givenName: string, email: string | undefined, roles: RoleHeld[]) => ({
      person: { givenName, familyName: 'Tester', ...(email && { email }) },
      roles,
    });
    const [office, head, parent, dsl, teacher, noEmail] = await units.inSchool(created.id, (store) =>
      store.people.add([
        adult('Olive', `office@${slug}.example`, [{ role: 'staff', jobTitle: 'Office manager', duties: ['office'] }]),
        adult('Hana', `Head@${slug}.example`, [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }]),
        adult('Paula', `parent@${slug}.example`, [{ role: 'parent' }]),
        adult('Dev', `dsl@${slug}.example`, [{ role: 'staff', jobTitle: 'Deputy head', duties: ['dsl'] }]),
        adult('Tom', `tom@${slug}.example`, [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }]),
        adult('Nell', undefined, [{ role: 'volunteer' }]),
      ]),
    );
    const withApp = async (personId: string, email: string, grants: { schoolAdmin?: boolean } = {}) => {
      const account = await s.access.addAccount(created.id, personId, email, grants);
      expect(await s.access.setPassword(created.id, account.id, password)).toEqual([]);
      const key = crypto.totp.newSecret();
      await units.inSchool(created.id, (store) =>
        store.accounts.change(account.id, { totpSecret: crypto.secrets.seal(key, account.id) }, new Date()),
      );
      return { accountId: account.id, key, email };
    };
    const officeAccount = await withApp(office!.id, `office@${slug}.example`, { schoolAdmin: true });
    const dslAccount = await withApp(dsl!.id, `dsl@${slug}.example`);
    const parentAccount = await s.access.addAccount(created.id, parent!.id, `parent@${slug}.example`);
    return {
      school: created,
      people: { office: office!, head: head!, parent: parent!, dsl: dsl!, teacher: teacher!, noEmail: noEmail! },
      office: officeAccount,
      dsl: dslAccount,
      parentAccountId: parentAccount.id,
    };
  }

  /** Signs in with password and a code (forgetting the last code used, so the current one works again). */
  async function signInWithCode(schoolId: string, who: { accountId: string; key: string; email: string }) {
    await testApp().adapters.units.inSchool(schoolId, (store) =>
      store.accounts.change(who.accountId, { totpLastStep: null }, new Date()),
    );
    const browser = browserFor(app);
    await browser.get('/sign-in');
    const first = await browser.post('/sign-in', { email: who.email, password });
    expect(first.headers.location).toBe('/sign-in/code');
    await browser.get('/sign-in/code');
    const done = await browser.post('/sign-in/code', { code: totpCode(who.key, new Date()) });
    expect(done.statusCode).toBe(303);
    return browser;
  }

  async function invite(browser: Browser, personId: string, returnTo = '/home') {
    await browser.get('/home');
    return browser.post('/invitations', { personId, returnTo });
  }

  it('invites a Headteacher, who chooses a password, sets up an authenticator app and is signed in', async () => {
    const { school: created, people, office } = await school('ashby', '300001');
    const admin = await signInWithCode(created.id, office);
    const sent = await invite(admin, people.head.id);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/home?invitation=sent');

    const email = lastMessageTo('head@ashby.example');
    expect(email.subject).toBe('Your invitation to Footprint from ashby Primary');
    expect(email.text).toContain('ashby Primary has invited you');
    expect(email.text).toMatch(/for 7 days: until \d{1,2}:\d\d[ap]m on \w+day \d{1,2} \w+ \d{4}/);
    expect(email.text).toContain('ask the school for a new invitation');
    expect(email.text).toContain('office@ashby.example');
    // Nobody's name: neither the Headteacher's nor the office manager's who sent it.
    expect(email.text).not.toMatch(/Hana|Olive|Tester/);

    const head = browserFor(app);
    const link = linkIn(email, '/invitation');
    // Opening the link, as a mail scanner would, only shows whom it is for; the button accepts it.
    const opened = await head.get(link);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('ashby Primary has invited <strong>head@ashby.example</strong>');
    expect((await browserFor(app).get(link)).statusCode).toBe(200);
    const accepted = await head.post(link, {});
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/sign-in/set-password');
    const choose = await head.get('/sign-in/set-password');
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain('head@ashby.example');
    expect((await head.get('/home')).statusCode).toBe(303);

    const chosen = await head.post('/sign-in/set-password', { password: newPassword, confirm: newPassword });
    expect(chosen.headers.location).toBe('/sign-in/second-factor');
    const setup = await head.get('/sign-in/second-factor');
    const key = /data-qa="typed-key">([^<]+)</.exec(setup.body)?.[1]?.replace(/\s+/g, '') ?? '';
    const done = await head.post('/sign-in/second-factor', { code: totpCode(key, new Date()) });
    expect(done.statusCode).toBe(200);
    const home = await head.get('/home');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Welcome, Hana Tester');

    const log = await testApp().adapters.units.inSchool(created.id, (store) =>
      store.audit.list({ action: 'invited', limit: 10, offset: 0 }),
    );
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      actorPersonId: people.office.id,
      subject: { kind: 'person', id: people.head.id },
    });
  });

  it('refuses an invitation link the second time, and once it has expired', async () => {
    const { school: created, people, office } = await school('brook', '300002');
    const admin = await signInWithCode(created.id, office);
    await invite(admin, people.parent.id);
    const link = linkIn(lastMessageTo('parent@brook.example'), '/invitation');
    const first = browserFor(app);
    await first.get(link);
    expect((await first.post(link, {})).statusCode).toBe(303);

    const again = await browserFor(app).get(link);
    expect(again.statusCode).toBe(410);
    expect(headingOf(again.body)).toBe('This link has already been used');
    expect(again.body).toContain('Ask your school for a new invitation');

    // A link made eight days ago, which expired after seven.
    const { units } = testApp().adapters;
    const account = await units.inSchool(created.id, (store) => store.accounts.ofPerson(people.teacher.id));
    const teacherAccount =
      account ?? (await services().access.addAccount(created.id, people.teacher.id, 'tom@brook.example'));
    const made = new Date(Date.now() - 8 * 24 * 3_600_000);
    const { token } = await units.inSchool(created.id, (store) =>
      store.links.create({
        schoolId: created.id,
        accountId: teacherAccount.id,
        purpose: 'invitation',
        createdAt: made,
        expiresAt: new Date(made.getTime() + 7 * 24 * 3_600_000),
      }),
    );
    const expired = browserFor(app);
    const refused = await expired.get(`/invitation/${token}`);
    expect(refused.statusCode).toBe(410);
    expect(headingOf(refused.body)).toBe('This link has expired');
    expect(refused.body).toContain('Ask your school for a new invitation');
    expect((await expired.get('/sign-in/set-password')).headers.location).toBe('/sign-in');

    const unknown = await browserFor(app).get(`/invitation/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(headingOf(unknown.body)).toBe('This link does not work');
  });

  it('makes a new invitation replace the one before, which then no longer works', async () => {
    const { school: created, people, office } = await school('cliff', '300003');
    const admin = await signInWithCode(created.id, office);
    await invite(admin, people.teacher.id);
    const first = linkIn(lastMessageTo('tom@cliff.example'), '/invitation');
    await invite(admin, people.teacher.id);
    const second = linkIn(lastMessageTo('tom@cliff.example'), '/invitation');
    expect(second).not.toBe(first);
    expect((await browserFor(app).get(first)).statusCode).toBe(410);
    const accepting = browserFor(app);
    expect((await accepting.get(second)).statusCode).toBe(200);
    expect((await accepting.post(second, {})).statusCode).toBe(303);
  });

  it('says why an invitation cannot be sent, and lets only those who manage roles send one', async () => {
    const { school: created, people, office, dsl } = await school('dale', '300004');
    const admin = await signInWithCode(created.id, office);
    const noEmail = await invite(admin, people.noEmail.id);
    expect(noEmail.statusCode).toBe(409);
    expect(noEmail.body).toContain('no email address for this person');
    const active = await invite(admin, people.dsl.id);
    expect(active.statusCode).toBe(409);
    expect(active.body).toContain('already chosen a password');
    const other = await school('dale-other', '300005');
    expect((await invite(admin, other.people.head.id)).statusCode).toBe(404);
    expect((await invite(admin, 'not-an-id')).statusCode).toBe(400);

    const nobody = browserFor(app);
    await nobody.get('/sign-in');
    expect((await nobody.post('/invitations', { personId: people.head.id })).statusCode).toBe(401);
    const notAllowed = await signInWithCode(created.id, dsl);
    const refused = await invite(notAllowed, people.head.id);
    expect(refused.statusCode).toBe(403);
    expect(messagesTo('head@dale.example')).toEqual([]);
  });

  it('resets a password by link without signing in: the code is still needed, and other sessions end', async () => {
    const { school: created, dsl } = await school('elm', '300006');
    const before = await signInWithCode(created.id, dsl);
    expect((await before.get('/home')).statusCode).toBe(200);

    const browser = browserFor(app);
    await browser.get('/forgot-password');
    const asked = await browser.post('/forgot-password', { email: 'DSL@elm.example' });
    expect(asked.statusCode).toBe(200);
    expect(headingOf(asked.body)).toBe('Check your email');
    const email = lastMessageTo('dsl@elm.example');
    expect(email.subject).toBe('Reset your Footprint password');
    expect(email.text).toContain('elm Primary');
    expect(email.text).toMatch(/for 1 hour: until /);
    expect(email.text).toContain('If you did not ask for this');
    const link = linkIn(email, '/reset-password');

    const form = await browser.get(link);
    expect(form.statusCode).toBe(200);
    expect(headingOf(form.body)).toBe('Choose a new password');
    const mismatch = await browser.post(link, { password: newPassword, confirm: 'something else' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('the two did not match');
    const weak = await browser.post(link, { password: 'password', confirm: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('too common');

    const changed = await browser.post(link, { password: newPassword, confirm: newPassword });
    expect(changed.statusCode).toBe(200);
    expect(headingOf(changed.body)).toBe('Your password has been changed');
    expect((await browser.get('/home')).statusCode).toBe(303);
    expect((await before.get('/home')).statusCode).toBe(303);
    expect((await browser.get(link)).statusCode).toBe(410);

    // The new password leads to the code, never straight in; the old one no longer works.
    await browser.get('/sign-in');
    const old = await browser.post('/sign-in', { email: 'dsl@elm.example', password });
    expect(old.statusCode).toBe(401);
    const signIn = await browser.post('/sign-in', { email: 'dsl@elm.example', password: newPassword });
    expect(signIn.headers.location).toBe('/sign-in/code');
    expect((await browser.get('/home')).statusCode).toBe(303);

    const { log, found } = await testApp().adapters.units.inSchool(created.id, async (store) => ({
      log: await store.audit.list({ action: 'password_reset', limit: 10, offset: 0 }),
      found: await store.accounts.find(dsl.accountId),
    }));
    expect(log.items.map((entry) => entry.actorPersonId)).toEqual([found?.account.personId]);
  });

  it('answers a request for a link in the same words and time whether or not an account uses the address', async () => {
    await school('fern', '300007');
    for (const [path, known] of [
      ['/forgot-password', 'dsl@fern.example'],
      ['/sign-in/email-link', 'parent@fern.example'],
    ] as const) {
      const unknown = 'nobody@fern.example';
      const answer = async (email: string) => {
        const browser = browserFor(app);
        await browser.get(path);
        const started = performance.now();
        const response = await browser.post(path, { email });
        return { response, took: performance.now() - started };
      };
      const sentBefore = outbox().length;
      const forKnown = await answer(known);
      const forUnknown = await answer(unknown);
      expect(forKnown.response.statusCode).toBe(200);
      expect(forUnknown.response.statusCode).toBe(forKnown.response.statusCode);
      expect(mainOf(forUnknown.response.body).replaceAll(unknown, '…')).toBe(
        mainOf(forKnown.response.body).replaceAll(known, '…'),
      );
      expect(forKnown.took).toBeGreaterThanOrEqual(steadyAnswerMs - 5);
      expect(forUnknown.took).toBeGreaterThanOrEqual(steadyAnswerMs - 5);
      expect(
        outbox()
          .slice(sentBefore)
          .map((message) => message.to),
      ).toEqual([known]);
    }
  });

  it('asks again for an address in the right format', async () => {
    const browser = browserFor(app);
    await browser.get('/sign-in/email-link');
    const empty = await browser.post('/sign-in/email-link', { email: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your email address');
    await browser.get('/forgot-password');
    const wrong = await browser.post('/forgot-password', { email: 'not an address' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter an email address in the right format');
  });

  it('signs a parent in by a link, only after they press the button, and only once', async () => {
    const { school: created } = await school('glen', '300008');
    const browser = browserFor(app);
    const signInPage = await browser.get('/sign-in');
    expect(signInPage.body).toContain('href="/sign-in/email-link"');
    await browser.get('/sign-in/email-link');
    await browser.post('/sign-in/email-link', { email: 'parent@glen.example' });
    const email = lastMessageTo('parent@glen.example');
    expect(email.subject).toBe('Your link to sign in to Footprint');
    expect(email.text).toContain('glen Primary');
    expect(email.text).toMatch(/for 15 minutes: until /);
    const link = linkIn(email, '/sign-in/link');

    // Opening the link, as a mail scanner would, signs nobody in.
    const opened = await browser.get(link);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('parent@glen.example');
    expect((await browser.get('/home')).statusCode).toBe(303);
    await browser.get(link);
    const signedIn = await browser.post(link, {});
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/home');
    const home = await browser.get('/home');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Welcome, Paula Tester');

    const replay = browserFor(app);
    expect((await replay.get(link)).statusCode).toBe(410);
    await replay.get('/sign-in/email-link');
    expect((await replay.post(link, {})).statusCode).toBe(410);
    expect((await replay.get('/home')).statusCode).toBe(303);

    const log = await testApp().adapters.units.inSchool(created.id, (store) =>
      store.audit.list({ action: 'link_sign_in', limit: 10, offset: 0 }),
    );
    expect(log.items).toHaveLength(1);
  });

  it('refuses an expired sign-in link', async () => {
    const { school: created, parentAccountId } = await school('holt', '300009');
    const made = new Date(Date.now() - 16 * 60_000);
    const { token } = await testApp().adapters.units.inSchool(created.id, (store) =>
      store.links.create({
        schoolId: created.id,
        accountId: parentAccountId,
        purpose: 'sign_in',
        createdAt: made,
        expiresAt: new Date(made.getTime() + 15 * 60_000),
      }),
    );
    const browser = browserFor(app);
    const opened = await browser.get(`/sign-in/link/${token}`);
    expect(opened.statusCode).toBe(410);
    expect(headingOf(opened.body)).toBe('This link has expired');
    expect(opened.body).toContain('href="/sign-in/email-link"');
    await browser.get('/sign-in/email-link');
    expect((await browser.post(`/sign-in/link/${token}`, {})).statusCode).toBe(410);
    expect((await browser.get('/home')).statusCode).toBe(303);
  });

  it('sends a DSL who asks for a sign-in link an email saying to use their password, and no link', async () => {
    const { school: created, dsl } = await school('ivy', '300010');
    const browser = browserFor(app);
    await browser.get('/sign-in/email-link');
    const asked = await browser.post('/sign-in/email-link', { email: 'dsl@ivy.example' });
    expect(headingOf(asked.body)).toBe('Check your email');
    const email = lastMessageTo('dsl@ivy.example');
    expect(email.subject).toBe('How to sign in to Footprint');
    expect(email.text).toContain('Sign in with your password');
    expect(email.text).not.toContain('/sign-in/link/');

    // Even a sign-in link made for the account (say, before its roles changed) does not sign it in.
    const { token } = await testApp().adapters.units.inSchool(created.id, (store) =>
      store.links.create({
        schoolId: created.id,
        accountId: dsl.accountId,
        purpose: 'sign_in',
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 15 * 60_000),
      }),
    );
    await browser.get(`/sign-in/link/${token}`);
    const refused = await browser.post(`/sign-in/link/${token}`, {});
    expect(refused.statusCode).toBe(403);
    expect(headingOf(refused.body)).toBe('Sign in with your password');
    expect((await browser.get('/home')).statusCode).toBe(303);
  });
});
