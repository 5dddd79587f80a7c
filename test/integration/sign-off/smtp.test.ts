// A campaign's emails through a real SMTP server on loopback, sent by the job: each member of
// staff receives one, and the link in it, as received, opens the page and takes the answer. An
// address the server refuses is given back and tried again, without the others going twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tick } from '../../../src/jobs/index.ts';
import type { Viewer } from '../../../src/services/access.ts';
import { createServices } from '../../../src/wiring.ts';
import { startSmtpServer } from '../mail/smtp-test-server.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';

const refused = (backend: string) => `gone@${backend}.ash.example`;
const smtp = await startSmtpServer({ refuse: [refused('pglite'), refused('postgres')] });
afterAll(() => smtp.close());

/** The message body as sent, with quoted-printable soft line breaks and escapes undone. */
const bodyOf = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

describeEachBackend('Sign-off emails over SMTP', (backend) => {
  const testApp = useTestApp(backend, undefined, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  const services = () => createServices(testApp().adapters);
  let head: Viewer;
  let domain: string;

  beforeAll(async () => {
    const adapters = testApp().adapters;
    domain = `${backend.name}.ash.example`;
    const school = await aSchool(adapters, `ash${backend.name}`, backend.name === 'pglite' ? '510001' : '510002');
    const viewerOf = async (made: { schoolId: string; accountId: string }) =>
      (await services().access.viewer(made.schoolId, made.accountId))!;
    head = await viewerOf(
      await aPersonWithAccount(adapters, school.id, {
        givenName: 'Ada',
        familyName: 'Ash',
        email: `head@${domain}`,
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      }),
    );
    const governor = await viewerOf(
      await aPersonWithAccount(adapters, school.id, {
        givenName: 'Gil',
        familyName: 'Ash',
        email: `gov@${domain}`,
        roles: [{ role: 'governor', duties: ['chair'] }],
      }),
    );
    await adapters.units.inSchool(school.id, (store) =>
      store.people.add([
        {
          person: { givenName: 'Sol', familyName: 'Ash', email: `sol@${domain}` },
          roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
        },
        {
          person: { givenName: 'Gwyn', familyName: 'Ash', email: refused(backend.name) },
          roles: [{ role: 'staff', jobTitle: 'Cook', duties: ['other'] }],
        },
      ]),
    );
    const policy = services().schoolPolicy;
    const draft = await policy.adopt(head, 'model');
    await policy.sendForRatification(head, draft.id, 'Adopted');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await policy.ratify(governor, draft.id, { ratifiedOn: yesterday, meeting: 'Full governing body' });
    await policy.publish(head, draft.id);
  });

  it('delivers one email to each member of staff, whose link takes the answer', async () => {
    const outcome = await services().signOff.start(head, 'staff');
    expect(outcome).toMatchObject({ asked: 3, withoutEmail: 0 });
    const received = () => smtp.received.filter((m) => m.rcptTo.some((to) => to.endsWith(`@${domain}`)));
    expect(received()).toEqual([]);

    const now = new Date();
    expect((await tick(services(), now))['sign-off-emails']).toEqual({ invitations: 2, reminders: 0, failed: 1 });
    const mine = received();
    expect(mine.map((m) => m.rcptTo).sort()).toEqual([[`head@${domain}`], [`sol@${domain}`]]);
    // The refused one is still to go, and the dashboard says so.
    const sending = async () => (await services().signOff.overview(head)).campaigns[0]!.sending;
    expect(await sending()).toEqual({ sent: 2, total: 3 });
    expect((await tick(services(), now))['sign-off-emails']).toEqual({ invitations: 0, reminders: 0, failed: 1 });
    expect(received()).toHaveLength(2);
    expect(await sending()).toEqual({ sent: 2, total: 3 });

    expect(smtp.received.filter((m) => m.rcptTo.includes(`gov@${domain}`))).toEqual([]);

    const toSol = bodyOf(mine.find((m) => m.rcptTo.includes(`sol@${domain}`))!.raw);
    const link = /(\/acknowledge\/[A-Za-z0-9_-]{43})/.exec(toSol)?.[1];
    expect(link).toBeDefined();
    const browser = browserFor(() => testApp().app);
    expect((await browser.get(link!)).statusCode).toBe(200);
    expect((await browser.post(link!, { answer: 'acknowledged' })).statusCode).toBe(200);
    const view = await services().signOff.overview(head);
    expect(view.campaigns[0]!.tally).toEqual({ asked: 3, acknowledged: 1, declined: 0, outstanding: 2 });
  });
});
