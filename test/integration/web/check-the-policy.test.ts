// "Check the policy" through the website: a question asked page by page with inject(), answered
// from each school's own published policy.
import { beforeAll, expect, it } from 'vitest';
import type { Policy } from '../../../src/domain/policy/index.ts';
import type { RunningAdapters } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { aPersonWithAccount, aSchool, signIn } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { aPublishedPolicy } from '../../support/policy.ts';

/** A school with the model policy, changed if asked, published. */
async function publishPolicy(adapters: RunningAdapters, slug: string, urn: string, edit?: (p: Policy) => Policy) {
  const school = await aSchool(adapters, slug, urn);
  await aPublishedPolicy(adapters, school, edit);
  return school;
}

const nativity = {
  role: 'parent',
  act: 'post',
  images: ['own_child', 'other_pupils'],
  consent: 'no',
  event: 'yes',
  about: ['none'],
  content: ['none'],
  channel: 'personal',
  visibility: 'public',
  where: ['none'],
};

/** The answers as the query string a page's form would send. */
function query(answers: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(answers)) for (const v of [value].flat()) params.append(key, v);
  return params.toString();
}

const heading = (body: string) => /<h1[^>]*>\s*([^<]*)/.exec(body)?.[1]?.trim();

describeEachBackend('Check the policy', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const get = (url: string) => app().inject({ method: 'GET', url });

  beforeAll(async () => {
    await publishPolicy(testApp().adapters, 'oak', '500001');
    // Birch has decided photos of other children are only advised against, not forbidden.
    await publishPolicy(testApp().adapters, 'birch', '500002', (policy) => ({
      ...policy,
      rules: policy.rules.map((rule) => (rule.id === 'F1' ? { ...rule, modality: 'should_not' } : rule)),
    }));
    await aSchool(testApp().adapters, 'elm', '500003');
  });

  /** Answers each page in turn the way a browser would, following every redirect to the answer. */
  async function walk(base: string, answers: Record<string, string | string[]>) {
    const visited: string[] = [];
    let response = await get(`${base}/check`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    let url = /href="([^"]*who-are-you[^"]*)"/.exec(response.body)![1]!.replaceAll('&amp;', '&');
    for (let step = 0; step < 30; step++) {
      response = await get(url);
      expect(response.headers['set-cookie']).toBeUndefined();
      if (response.statusCode === 303) {
        url = String(response.headers.location);
        continue;
      }
      expect(response.statusCode, url).toBe(200);
      const path = url.split('?')[0]!;
      visited.push(path.slice(path.lastIndexOf('/') + 1));
      if (path.endsWith('/answer')) return { response, visited };
      if (path.endsWith('/check-your-answers')) {
        url = /href="([^"]*\/answer\?[^"]*)"/.exec(response.body)![1]!.replaceAll('&amp;', '&');
        continue;
      }
      const key = /name="asked" value="([^"]+)"/.exec(response.body)![1]!;
      const hidden = [...response.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
        ([, name, value]) => [name!, value!],
      );
      const params = new URLSearchParams(hidden);
      expect(answers[key], `no answer for ${key}`).toBeDefined();
      for (const v of [answers[key]!].flat()) params.append(key, v);
      url = `${path}?${params.toString()}`;
    }
    throw new Error('the journey did not reach an answer');
  }

  it('tells a parent they may not post nativity photos showing other children, in the school’s words', async () => {
    const { response, visited } = await walk('/s/oak', nativity);
    expect(visited).toEqual([
      'who-are-you',
      'what-happened',
      'photos',
      'permission',
      'school-event',
      'about',
      'what-it-says',
      'where-it-goes',
      'who-can-see',
      'when-and-where',
      'check-your-answers',
      'answer',
    ]);
    expect(heading(response.body)).toBe('No — our policy does not allow posting this');
    expect(response.body).toContain('data-verdict="breach"');
    expect(response.body).toContain('href="/s/oak/policy#rule-F1"');
    expect(response.body).toContain('unless their parents have agreed');
    // Who deals with it, named in plain words.
    expect(response.body).toMatch(/The Headteacher asks the author to remove the post/);
    expect(response.body).toContain('the Designated Safeguarding Lead');
    // Photos of their own child alone are allowed by another rule, quoted as well.
    expect(response.body).toContain('href="/s/oak/policy#rule-F2"');
  });

  it('tells a teacher not to accept a pupil’s friend request, and what to do instead', async () => {
    const { response, visited } = await walk('/s/oak', {
      role: 'staff',
      act: 'friend_request_accept',
      with: 'pupil',
      age: '10',
      relationship: 'none',
    });
    expect(visited).toEqual([
      'who-are-you',
      'what-happened',
      'who-with',
      'their-age',
      'relationship',
      'check-your-answers',
      'answer',
    ]);
    expect(heading(response.body)).toBe('No — our policy does not allow accepting a friend request from a pupil');
    expect(response.body).toContain('href="/s/oak/policy#rule-B1"');
    expect(response.body).toContain('Decline the request.');
    expect(response.body).toContain('Tell the Designated Safeguarding Lead within 1 day.');
  });

  it('gives a different answer where the school’s own policy says something different', async () => {
    const { response } = await walk('/s/birch', nativity);
    expect(heading(response.body)).toBe('Our policy advises against posting this');
    expect(response.body).toContain('data-verdict="advised_against"');
    expect(response.body).toContain('href="/s/birch/policy#rule-F1"');
  });

  it('says what to choose when an answer is missing, and keeps every answer already given', async () => {
    const response = await get('/s/oak/check/photos?role=parent&act=post&asked=images');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Select who is in the photos or videos, or that there are none');
    expect(response.body).toContain('href="#images"');
    expect(response.body).toContain('<input type="hidden" name="role" value="parent">');
    expect(response.body).toContain('<input type="hidden" name="act" value="post">');
    expect(response.body).toMatch(/<title>Error: Does it include photos/);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('sends someone back to the first question they skipped, and drops answers that no longer apply', async () => {
    const skipped = await get('/s/oak/check/photos?role=parent');
    expect(skipped.statusCode).toBe(303);
    expect(skipped.headers.location).toBe('/s/oak/check/what-happened?role=parent');
    const changed = await get(`/s/oak/check/who-with?${query({ ...nativity, act: 'follow' })}`);
    expect(changed.statusCode).toBe(200);
    expect(changed.body).not.toContain('name="images"');
  });

  it('lets each answer be changed from the check page', async () => {
    const response = await get(`/s/oak/check/check-your-answers?${query(nativity)}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Other people’s children');
    expect(response.body).toContain('href="/s/oak/check/permission?');
    const change = await get(
      `/s/oak/check/permission?${query({ ...nativity, consent: 'yes' })}&change=1&asked=consent`,
    );
    expect(change.statusCode).toBe(303);
    expect(change.headers.location).toMatch(/^\/s\/oak\/check\/check-your-answers\?.*consent=yes/);
  });

  it('says when a school has not published its policy', async () => {
    for (const url of ['/s/elm/check', '/s/elm/check/who-are-you', '/s/nowhere/check']) {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('has not published its social media policy');
    }
  });

  it('starts a signed-in parent on their own school’s policy, with who they are filled in', async () => {
    const oak = (await testApp().adapters.units.acrossSchools((store) => store.schools.findBySlug('oak')))!;
    const account = await aPersonWithAccount(testApp().adapters, oak.id, {
      givenName: 'Pam',
      familyName: 'Parent',
      email: 'pam@oak.example',
      roles: [{ role: 'parent' }],
    });
    const browser = await signIn(app, account);
    const start = await browser.get('/check');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('href="/check/who-are-you?role=parent"');
    const who = await browser.get('/check/who-are-you?role=parent');
    expect(who.body).toMatch(/value="parent" checked/);
    const answer = await browser.get(`/check/answer?${query(nativity)}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('href="/s/oak/policy#rule-F1"');
  });
  it('asks "which person" only of someone signed in whose declarations could answer it', async () => {
    const oak = (await testApp().adapters.units.acrossSchools((store) => store.schools.findBySlug('oak')))!;
    const niece = 'role=staff&act=friend_request_accept&with=pupil&age=9&relationship=family';
    // The public pages have no such question: nobody's declarations are known there.
    expect((await get(`/s/oak/check/which-person?${niece}`)).statusCode).toBe(404);
    const account = await aPersonWithAccount(testApp().adapters, oak.id, {
      givenName: 'Ned',
      familyName: 'New',
      email: 'ned@oak.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    const browser = await signIn(app, account);
    // Nothing declared: the journey asks as it asks anyone, and "which person" sends them on.
    const asked = await browser.get(`/check/relationship-declared?${niece}`);
    expect(asked.statusCode).toBe(200);
    const skipped = await browser.get(`/check/which-person?${niece}`);
    expect(skipped.statusCode).toBe(303);
    expect(skipped.headers.location).toBe(`/check/relationship-declared?${niece}`);
    const answer = await browser.get(`/check/answer?${niece}&declared=no`);
    expect(heading(answer.body)).toMatch(/^No — our policy does not allow/);
    // Signed in and able to declare, the answer says where to declare the relationship.
    expect(answer.body).toContain('data-qa="declare-link"');
    expect((await get(`/s/oak/check/answer?${niece}&declared=no`)).body).not.toContain('data-qa="declare-link"');
  });
});
