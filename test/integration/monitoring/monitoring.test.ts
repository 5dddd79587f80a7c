// What is said about the school, through its pages: a Bluesky search (a local server answering in
// Bluesky's format) is polled; a post naming a pupil with a photo heads the inbox with the words
// that triggered it and the DSL is told at once; praise gets a suggested reply; "grace period" names
// nobody; a post not about the school is not kept; a threat made an incident raises that school's
// police step; a post captured by hand with a screenshot is kept; old mentions go.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import type { Browser } from '../../support/browser.ts';
import { aPersonWithAccount, signIn, type TestAccount } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { aSchoolUnderPolicy } from '../../support/policy.ts';

const post = (rkey: string, text: string, withImage = false) => ({
  uri: `at://did:plc:parentx/app.bsky.feed.post/${rkey}`,
  cid: `bafy${rkey}`,
  author: { did: 'did:plc:parentx', handle: 'localparent.bsky.social', displayName: 'A parent', labels: [] },
  record: { $type: 'app.bsky.feed.post', createdAt: '2026-11-21T18:00:00.000Z', text, langs: ['en'] },
  ...(withImage && {
    embed: {
      $type: 'app.bsky.embed.images#view',
      images: [{ thumb: 'https://cdn.example/t.jpg', fullsize: 'https://cdn.example/f.jpg', alt: 'Children on stage' }],
    },
  }),
  indexedAt: '2026-11-21T18:00:01.000Z',
  labels: [],
});

const recorded = {
  posts: [
    post('3aaa1', 'Look at Grace Hill in the Hazel Primary nativity tonight, what a star! Pics below', true),
    post('3aaa2', 'Huge thank you to the staff at Hazel Primary for a brilliant Christmas fair'),
    post('3aaa3', 'Hazel Primary newsletter: the grace period for dinner money ends on Friday'),
    post('3aaa4', 'Lovely walk through Hazel Woods this morning, the hazel trees are bare already'),
    post('3aaa5', 'I will burn Hazel Primary down if they exclude my son again'),
    post('3aaa2', 'Huge thank you to the staff at Hazel Primary for a brilliant Christmas fair'),
  ],
};

describeEachBackend('What is said about the school', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  let server: Server;
  let service = '';
  let requests = 0;
  let schoolId = '';
  let dslAccount: TestAccount;
  let dsl: Browser;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      if (!request.url?.startsWith('/xrpc/app.bsky.feed.searchPosts')) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    service = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const adapters = testApp().adapters;
    const made = await aSchoolUnderPolicy(adapters, 'hazel', '730001', 'wingate');
    schoolId = made.school.id;
    dslAccount = made.dsl;
    await adapters.units.inSchool(schoolId, (store) =>
      store.pupils.add([
        { misId: 'P1', legalGivenName: 'Grace', legalFamilyName: 'Hill', dateOfBirth: '2018-04-05', yearGroup: '3' },
      ]),
    );
    dsl = await signIn(app, dslAccount);
    await dsl.get('/monitoring/settings');
    const saved = await dsl.post('/monitoring/settings', {
      names: 'Hazel Primary\nHazel Primary School',
      handles: '@hazelprimary',
      retentionMonths: '12',
    });
    expect(saved.statusCode).toBe(303);
    await adapters.units.inSchool(schoolId, (store) =>
      store.monitoring.addSource(
        { kind: 'bluesky_search', query: 'Hazel Primary', service },
        { consecutiveFailures: 0, nextPollAt: new Date(0) },
        dslAccount.personId,
        new Date(),
      ),
    );
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps only mentions about the school, once each, the most serious first with the words that triggered it', async () => {
    const services = createServices(testApp().adapters);
    const before = (testApp().adapters.outbox() ?? []).length;
    const polled = await services.monitoring.pollDue(new Date());
    expect(polled).toEqual({ polled: 1, kept: 4, failed: 0 });
    expect(requests).toBeGreaterThan(0);
    // Polled again, the same posts come back and none is stored twice.
    await testApp().adapters.units.inSchool(schoolId, async (store) =>
      store.monitoring.savePoll(
        (await store.monitoring.sources())[0]!.id,
        { consecutiveFailures: 0, nextPollAt: new Date(0) },
        [],
      ),
    );
    expect((await services.monitoring.pollDue(new Date())).kept).toBe(0);

    const inbox = await dsl.get('/monitoring');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).not.toContain('Hazel Woods');
    const order = [...inbox.body.matchAll(/<p class="govuk-body app-pre-line">([^<]+)</g)].map((m) => m[1]!);
    expect(order[0]).toMatch(/burn Hazel Primary down/);
    expect(order[1]).toMatch(/Grace Hill/);
    expect(inbox.body).toContain('Names a pupil');
    expect(inbox.body).toMatch(/Names a pupil<\/strong>: “[^”]*Grace Hill/);

    const grace = await testApp().adapters.units.inSchool(schoolId, (store) => store.monitoring.mentions(['new']));
    const newsletter = grace.find((m) => m.text.includes('grace period'));
    expect(newsletter?.labels).not.toContain('names_child');

    const mails = (testApp().adapters.outbox() ?? []).slice(before).filter((m) => m.to === dslAccount.email);
    expect(mails.length).toBeGreaterThanOrEqual(2);
    expect(mails.every((m) => !m.text.includes('Grace'))).toBe(true);
  });

  it('suggests a reply to praise and records the reply given', async () => {
    const mentions = await testApp().adapters.units.inSchool(schoolId, (store) => store.monitoring.mentions(['new']));
    const praise = mentions.find((m) => m.labels.includes('praise'))!;
    const page = await dsl.get(`/monitoring/mentions/${praise.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Thank you so much for your kind words');
    const empty = await dsl.post(`/monitoring/mentions/${praise.id}/respond`, { reply: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write the reply the school gave');
    await dsl.get(`/monitoring/mentions/${praise.id}`);
    const replied = await dsl.post(`/monitoring/mentions/${praise.id}/respond`, {
      reply: 'Thank you, we loved it too!',
    });
    expect(replied.statusCode).toBe(303);
    expect((await dsl.get(`/monitoring/mentions/${praise.id}`)).body).toContain(
      'The school replied: Thank you, we loved it too!',
    );
  });

  it('makes a threat an incident routed to the DSL that raises the school’s police step', async () => {
    const mentions = await testApp().adapters.units.inSchool(schoolId, (store) => store.monitoring.mentions(['new']));
    const threat = mentions.find((m) => m.labels.includes('threat'))!;
    await dsl.get(`/monitoring/mentions/${threat.id}`);
    const escalated = await dsl.post(`/monitoring/mentions/${threat.id}/escalate`, {});
    expect(escalated.statusCode).toBe(303);
    const caseHref = escalated.headers.location!;
    expect(caseHref).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    const casePage = await dsl.get(caseHref);
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain('Involve the police');
    expect(casePage.body).toContain('burn Hazel Primary down');
    expect((await dsl.get(`/monitoring/mentions/${threat.id}`)).body).toContain('This mention is now an incident');
  });

  it('keeps a post captured by hand with its screenshot, and corrections feed the label figures', async () => {
    const adapters = testApp().adapters;
    const teacher = await aPersonWithAccount(adapters, schoolId, {
      givenName: 'Tom',
      familyName: 'Teach',
      email: 'tom@hazel.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    const browser = await signIn(app, teacher);
    expect((await browser.get('/monitoring')).statusCode).toBe(403);
    await browser.get('/monitoring/capture');
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const captured = await browser.upload(
      '/monitoring/capture',
      {
        text: 'Someone in the Year 3 WhatsApp says Hazel Primary is a disgrace',
        where: 'Year 3 parents WhatsApp',
        url: '',
      },
      [{ field: 'screenshot', fileName: 'chat.png', type: 'image/png', bytes: png }],
    );
    expect(captured.statusCode).toBe(303);
    expect(captured.headers.location).toBe('/monitoring/capture/sent');
    const kept = (await adapters.units.inSchool(schoolId, (store) => store.monitoring.mentions(['new']))).find(
      (m) => m.sourceKind === 'manual',
    )!;
    expect(kept.screenshot?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await dsl.get(`/monitoring/mentions/${kept.id}/screenshot`)).statusCode).toBe(200);

    await dsl.get(`/monitoring/mentions/${kept.id}`);
    await dsl.post(`/monitoring/mentions/${kept.id}/correct`, { labels: 'criticism' });
    const quality = await dsl.get('/monitoring/quality');
    expect(quality.body).toMatch(/From the 1 mention/);
  });

  it('deletes mentions older than the school keeps them', async () => {
    const services = createServices(testApp().adapters);
    const count = (
      await testApp().adapters.units.inSchool(schoolId, (store) =>
        store.monitoring.mentions(['new', 'reviewed', 'responded', 'escalated']),
      )
    ).length;
    expect(count).toBeGreaterThan(0);
    expect(await services.monitoring.purgeOld(new Date(Date.now() + 11 * 31 * 24 * 3600 * 1000))).toBe(0);
    expect(await services.monitoring.purgeOld(new Date(Date.now() + 13 * 31 * 24 * 3600 * 1000))).toBe(count);
  });
});
