// The school's policy through its pages: the Headteacher adopts the model and sends it to the
// governors, a governor records the ratification, the Headteacher publishes it; a second version
// changes one rule, and the comparison names that rule and nothing else.
import { beforeAll, expect, it } from 'vitest';
import type { School } from '../../../src/domain/community/school.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import type { Browser } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn, type TestAccount } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';

const heading = (body: string) => /data-qa="page-heading">([^<]+)</.exec(body)?.[1]?.trim();
const status = (body: string) => /data-qa="in-hand-status">\s*([^<]+?)\s*</.exec(body)?.[1];

describeEachBackend('The policy pages', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  let school: School;
  let head: Browser;
  let governor: Browser;
  let headAccount: TestAccount;

  beforeAll(async () => {
    const adapters = testApp().adapters;
    school = await aSchool(adapters, 'willow', '600001');
    headAccount = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Wren',
        familyName: 'Willow',
        email: 'head@willow.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    const chair = await aPersonWithAccount(adapters, school.id, {
      givenName: 'Cyril',
      familyName: 'Chair',
      email: 'chair@willow.example',
      roles: [{ role: 'governor', duties: ['chair'] }],
    });
    await aPersonWithAccount(adapters, school.id, {
      givenName: 'Tom',
      familyName: 'Teacher',
      email: 'teacher@willow.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    head = await signIn(app, headAccount);
    governor = await signIn(app, chair);
  });

  it('shows the Headteacher the policies to adopt, asks for a choice, and adopts the model', async () => {
    const page = await head.get('/policy');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Footprint’s model policy');
    const refused = await head.post('/policy/adopt', {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Choose the policy to start from');
    expect(refused.body).toMatch(/<title>Error: /);
    const adopted = await head.post('/policy/adopt', { source: 'model' });
    expect(adopted.headers.location).toBe('/policy');
    const after = await head.get('/policy');
    expect(status(after.body)).toBe('Draft');
    expect(after.body).toContain('href="/policy/draft"');
    // Adopting twice is refused with the reason, not an error page.
    const again = await head.post('/policy/adopt', { source: 'model' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('A policy is adopted only once');
  });

  it('sends the draft to the governors only with a reason, keeping what was typed', async () => {
    await head.get('/policy');
    const refused = await head.post('/policy/versions/1/send', { summary: '   ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Say what changed in this version and why');
    const sent = await head.post('/policy/versions/1/send', { summary: 'Our first policy in Footprint' });
    expect(sent.headers.location).toBe('/policy');
    const page = await head.get('/policy');
    expect(status(page.body)).toBe('Awaiting ratification');
    expect(page.body).toContain('Take it back to change it');
    expect(page.body).not.toContain('data-qa="ratify-form"');
    // Governors read the whole text before they ratify it, marked as not yet published.
    const text = await governor.get('/policy/versions/1/document');
    expect(text.statusCode).toBe(200);
    expect(text.body).toContain('This version is not published');
    expect(text.body).toMatch(/id="rule-A1"/);
    expect(text.body).toContain('Willow Primary');
  });

  it('lets a governor record the ratification, with each date checked and everything typed kept', async () => {
    const page = await governor.get('/policy');
    expect(page.body).toContain('data-qa="ratify-form"');
    expect(page.body).toContain('What changed: Our first policy in Footprint');
    const bad = await governor.post('/policy/versions/1/ratify', {
      'ratifiedOn-day': '31',
      'ratifiedOn-month': '2',
      'ratifiedOn-year': '2026',
      meeting: 'Full governing body',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date of the meeting must be a real date');
    expect(bad.body).toContain('value="Full governing body"');
    expect(bad.body).toContain('value="31"');
    const noMeeting = await governor.post('/policy/versions/1/ratify', {
      'ratifiedOn-day': '10',
      'ratifiedOn-month': '11',
      'ratifiedOn-year': '2026',
      'reviewDue-day': '1',
      'reviewDue-month': '1',
      'reviewDue-year': '2020',
    });
    expect(noMeeting.body).toContain('Enter the meeting the governors ratified it at');
    expect(noMeeting.body).toContain('The review date must be after the date of the meeting');
    const ratified = await governor.post('/policy/versions/1/ratify', {
      'ratifiedOn-day': '10',
      'ratifiedOn-month': '11',
      'ratifiedOn-year': '2026',
      meeting: 'Full governing body, 10 November 2026',
    });
    expect(ratified.headers.location).toBe('/policy');
    expect(status((await governor.get('/policy')).body)).toBe('Ratified, not yet published');
    // Publishing is the Headteacher's.
    expect((await governor.post('/policy/versions/1/publish', {})).statusCode).toBe(403);
  });

  it('publishes the ratified version, showing who ratified it inside and linking to the public page', async () => {
    await head.get('/policy');
    expect((await head.post('/policy/versions/1/publish', {})).headers.location).toBe('/policy');
    const page = await head.get('/policy');
    expect(page.body).toMatch(
      /data-qa="published">\s*Version 1\.0, published \d+ \w+ \d{4}, to be reviewed by 10 November 2028/,
    );
    expect(page.body).toContain('href="/s/willow/policy"');
    const version = await head.get('/policy/versions/1');
    expect(heading(version.body)).toBe('Version 1.0 of the policy');
    expect(version.body).toContain(
      'Ratified on 10 November 2026 at “Full governing body, 10 November 2026”, recorded by Cyril Chair',
    );
    expect((await head.get('/policy/versions/9')).statusCode).toBe(404);
    expect((await head.get('/policy/versions/abc')).statusCode).toBe(404);
  });

  it('compares two versions rule by rule, naming the changed rule and nothing else', async () => {
    const services = createServices(testApp().adapters);
    const viewer = (await services.access.viewer(headAccount.schoolId, headAccount.accountId))!;
    await head.get('/policy');
    expect((await head.post('/policy/revise', {})).headers.location).toBe('/policy');
    const { inHand } = await services.schoolPolicy.overview(viewer);
    const rule = inHand!.document.rules.find((r) => r.modality === 'should_not')!;
    const saved = await services.schoolPolicy.saveDraft(viewer, inHand!.id, {
      ...inHand!.document,
      rules: inHand!.document.rules.map((r) => (r.id === rule.id ? { ...r, modality: 'must_not' } : r)),
    });
    expect(saved.ok).toBe(true);
    const page = await head.get('/policy/versions/2');
    expect([...page.body.matchAll(/data-qa="rule-change">([^<]+)</g)].map((m) => m[1])).toEqual([
      `Rule ${rule.id} now forbids (must not) where it advised against it (should not).`,
    ]);
    const compared = await governor.get('/policy/compare?from=1&to=2');
    expect(compared.statusCode).toBe(200);
    expect([...compared.body.matchAll(/data-qa="rule-change">([^<]+)</g)].map((m) => m[1])).toEqual([
      `Rule ${rule.id} now forbids (must not) where it advised against it (should not).`,
    ]);
    expect(compared.body).not.toContain('data-qa="procedure-changes"');
    const same = await governor.get('/policy/compare?from=1&to=1');
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Choose two different versions to compare');
  });

  it('shows the review date on the home page, and a banner once it has passed until a new version is ratified', async () => {
    expect((await head.get('/home')).body).toContain('(to be reviewed by 10 November 2028)');
    await head.get('/policy');
    await head.post('/policy/versions/2/send', { summary: 'Stricter on contact with pupils' });
    // Ratified long ago with a review date already past, as a school catching up with its records might.
    await governor.get('/policy');
    await governor.post('/policy/versions/2/ratify', {
      'ratifiedOn-day': '1',
      'ratifiedOn-month': '9',
      'ratifiedOn-year': '2024',
      meeting: 'Full governing body, autumn 2024',
      'reviewDue-day': '1',
      'reviewDue-month': '9',
      'reviewDue-year': '2025',
    });
    await head.get('/policy');
    await head.post('/policy/versions/2/publish', {});
    const home = await head.get('/home');
    expect(home.body).toContain('data-qa="review-overdue"');
    expect(home.body).toContain('The social media policy was due for review on 1 September 2025.');
    expect((await governor.get('/home')).body).toContain('data-qa="review-overdue"');
  });

  it('keeps the policy pages from staff who do not look after it', async () => {
    const teacher = await signIn(app, {
      schoolId: school.id,
      personId: '',
      accountId: '',
      email: 'teacher@willow.example',
    });
    expect((await teacher.get('/policy')).statusCode).toBe(403);
    const home = await teacher.get('/home');
    expect(home.body).not.toContain('data-qa="review-overdue"');
    expect(home.body).not.toContain('href="/policy"');
  });
});
