// Signing in through the real pages: password, authenticator app, recovery codes, timeouts,
// signing out everywhere, and what each step refuses.
import { expect, it } from 'vitest';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, testPassword as password } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';

describeEachBackend('Signing in', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;

  /** A school whose Headteacher has an account with a password, and a member of staff with one too. */
  async function school(slug: string, urn: string) {
    const adapters = testApp().adapters;
    const created = await aSchool(adapters, slug, urn);
    const head = await aPersonWithAccount(adapters, created.id, {
      givenName: 'Hana',
      familyName: 'Head',
      email: `head@${slug}.example`,
      roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
    });
    const staff = await aPersonWithAccount(adapters, created.id, {
      givenName: 'Tom',
      familyName: 'Teach',
      email: `tom@${slug}.example`,
      roles: [{ role: 'staff', jobTitle: 'Class teacher', duties: ['teacher'] }],
    });
    return { school: created, head, staffAccountId: staff.accountId };
  }

  /** Signs in with the password, sets up the authenticator app, and returns its key. */
  async function headSetsUpApp(slug: string) {
    const browser = browserFor(app);
    await browser.get('/sign-in');
    const signIn = await browser.post('/sign-in', { email: `head@${slug}.example`, password });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/sign-in/second-factor');
    const setup = await browser.get('/sign-in/second-factor');
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('role="img"');
    const key = /data-qa="typed-key">([^<]+)</.exec(setup.body)?.[1]?.replace(/\s+/g, '') ?? '';
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    const done = await browser.post('/sign-in/second-factor', { code: totpCode(key, new Date()) });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((match) => match[1]!);
    expect(codes).toHaveLength(10);
    return { browser, key, codes };
  }

  it('refuses a wrong password with the same words as an unknown address, keeping what was typed', async () => {
    await school('ashby', '100001');
    const browser = browserFor(app);
    await browser.get('/sign-in');
    const wrong = await browser.post('/sign-in', { email: 'head@ashby.example', password: 'not the password' });
    await browser.get('/sign-in');
    const unknown = await browser.post('/sign-in', { email: 'nobody@ashby.example', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const message = (body: string) => /govuk-error-message">[\s\S]*?<\/span>([^<]+)</.exec(body)?.[1]?.trim();
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(wrong.body).toContain('value="head@ashby.example"');
    expect(browser.cookieNames()).not.toContain('footprint-session');
  });

  it('gives every form on a first visit a token that works, however many forms the page has', async () => {
    await school('juniper', '100010');
    const first = await app().inject({ method: 'GET', url: '/sign-in' });
    const tokens = [...first.body.matchAll(/name="_csrf" value="([^"]+)"/g)].map((match) => match[1]);
    expect(tokens.length).toBeGreaterThan(1);
    expect(new Set(tokens).size).toBe(1);
    const browser = browserFor(app);
    await browser.get('/sign-in');
    expect((await browser.post('/sign-in', { email: 'tom@juniper.example', password })).headers.location).toBe('/home');
  });

  it('makes the Headteacher set up an authenticator app, then signs them in with its codes, each once', async () => {
    await school('brook', '100002');
    const { browser, key } = await headSetsUpApp('brook');
    const home = await browser.get('/home');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Welcome, Hana Head');
    expect(home.body).toContain('href="/people"');

    await browser.post('/sign-out', {});
    expect((await browser.get('/home')).statusCode).toBe(303);

    const again = browserFor(app);
    await again.get('/sign-in');
    const step = await again.post('/sign-in', { email: 'head@brook.example', password });
    expect(step.headers.location).toBe('/sign-in/code');
    await again.get('/sign-in/code');
    const code = totpCode(key, new Date(Date.now() + 30_000));
    const accepted = await again.post('/sign-in/code', { code });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/home');

    // The same code a second time, from another browser, is refused.
    const replay = browserFor(app);
    await replay.get('/sign-in');
    await replay.post('/sign-in', { email: 'head@brook.example', password });
    await replay.get('/sign-in/code');
    const refused = await replay.post('/sign-in/code', { code });
    expect(refused.statusCode).toBe(401);
    expect((await replay.get('/home')).statusCode).toBe(303);
  });

  it('takes a recovery code once, in place of the app', async () => {
    await school('cliff', '100003');
    const { codes } = await headSetsUpApp('cliff');
    const signInWith = async (code: string) => {
      const browser = browserFor(app);
      await browser.get('/sign-in');
      await browser.post('/sign-in', { email: 'head@cliff.example', password });
      await browser.get('/sign-in/code');
      return browser.post('/sign-in/code', { code });
    };
    const typed = codes[3]!.toUpperCase().replaceAll('-', ' ');
    expect((await signInWith(typed)).statusCode).toBe(303);
    expect((await signInWith(codes[3]!)).statusCode).toBe(401);
  });

  it('moves the authenticator to a new phone after a recovery code, and the old app stops working', async () => {
    await school('kale', '100011');
    const { browser, key, codes } = await headSetsUpApp('kale');
    await browser.get('/account');
    const refused = await browser.post('/account/authenticator', { code: '123456' });
    expect(refused.statusCode).toBe(400);
    const confirmed = await browser.post('/account/authenticator', { code: codes[0]! });
    expect(confirmed.headers.location).toBe('/sign-in/second-factor');
    const setup = await browser.get('/sign-in/second-factor');
    const newKey = /data-qa="typed-key">([^<]+)</.exec(setup.body)?.[1]?.replace(/\s+/g, '') ?? '';
    expect(newKey).not.toBe(key);
    const done = await browser.post('/sign-in/second-factor', {
      code: totpCode(newKey, new Date(Date.now() + 30_000)),
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('href="/account"');

    const withOld = browserFor(app);
    await withOld.get('/sign-in');
    await withOld.post('/sign-in', { email: 'head@kale.example', password });
    await withOld.get('/sign-in/code');
    expect((await withOld.post('/sign-in/code', { code: totpCode(key, new Date()) })).statusCode).toBe(401);
    expect((await withOld.post('/sign-in/code', { code: codes[1]! })).statusCode).toBe(401);
  });

  it('signs staff without restricted access in with a password alone, and keeps them out of people', async () => {
    await school('dale', '100004');
    const browser = browserFor(app);
    await browser.get('/sign-in');
    const signedIn = await browser.post('/sign-in', { email: 'tom@dale.example', password });
    expect(signedIn.headers.location).toBe('/home');
    const home = await browser.get('/home');
    expect(home.body).toContain('Welcome, Tom Teach');
    expect(home.body).not.toContain('href="/people"');
  });

  it('sends someone who is not signed in to sign in, and back to where they were going afterwards', async () => {
    await school('elm', '100005');
    const browser = browserFor(app);
    const away = await browser.get('/account');
    expect(away.statusCode).toBe(303);
    expect(away.headers.location).toBe('/sign-in?next=%2Faccount');
    await browser.get(away.headers.location!);
    const signedIn = await browser.post('/sign-in', { email: 'tom@elm.example', password, next: '/account' });
    expect(signedIn.headers.location).toBe('/account');
    const elsewhere = browserFor(app);
    await elsewhere.get('/sign-in');
    const offsite = await elsewhere.post('/sign-in', { email: 'tom@elm.example', password, next: '//evil.example/' });
    expect(offsite.headers.location).toBe('/home');
  });

  it('signs out every browser at once', async () => {
    await school('fern', '100006');
    const first = browserFor(app);
    const second = browserFor(app);
    for (const browser of [first, second]) {
      await browser.get('/sign-in');
      await browser.post('/sign-in', { email: 'tom@fern.example', password });
    }
    const account = await first.get('/account');
    expect(account.body).toMatch(/2 browsers/);
    await first.post('/account/sign-out-everywhere', {});
    expect((await second.get('/home')).statusCode).toBe(303);
    expect((await first.get('/home')).statusCode).toBe(303);
  });

  it('ends a session at once when the account is disabled', async () => {
    const { school: created, staffAccountId } = await school('glen', '100007');
    const browser = browserFor(app);
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email: 'tom@glen.example', password });
    expect((await browser.get('/home')).statusCode).toBe(200);
    await testApp().adapters.units.inSchool(created.id, (store) =>
      store.accounts.change(staffAccountId, { disabledAt: new Date() }, new Date()),
    );
    expect((await browser.get('/home')).statusCode).toBe(303);
  });

  it('slows guesses at one account’s code without holding up others signing in from the same address', async () => {
    await school('ivy', '100009');
    const { key } = await headSetsUpApp('ivy');
    const guesser = browserFor(app);
    await guesser.get('/sign-in');
    await guesser.post('/sign-in', { email: 'head@ivy.example', password });
    await guesser.get('/sign-in/code');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await guesser.post('/sign-in/code', { code: '000000' })).statusCode);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);

    const colleague = browserFor(app);
    await colleague.get('/sign-in');
    expect((await colleague.post('/sign-in', { email: 'tom@ivy.example', password })).headers.location).toBe('/home');
    expect(key).not.toBe('');
  });

  it('puts sign-ins and failures on the school’s audit log, with no names or addresses in it', async () => {
    const { school: created } = await school('holt', '100008');
    const browser = browserFor(app);
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email: 'tom@holt.example', password: 'wrong wrong wrong' });
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email: 'tom@holt.example', password });
    const page = await testApp().adapters.units.inSchool(created.id, (store) =>
      store.audit.list({ limit: 10, offset: 0 }),
    );
    expect(page.items.map((entry) => entry.action)).toEqual(['sign_in', 'sign_in_failed']);
    expect(JSON.stringify(page.items)).not.toMatch(/tom@|Teach/);
  });
});
