// The register of official accounts through its pages: a teacher asks for an account with its risk
// assessment, the Headteacher approves it, the teacher deposits its login, and the Headteacher
// reveals it only with a fresh code. Each step is kept in the history and on the audit log.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import { createLogger } from '../../../src/log.ts';
import type { SchoolStore } from '../../../src/services/ports.ts';
import { buildApp } from '../../../src/web/app.ts';
import { createAdapters, createServices, type RunningAdapters } from '../../../src/wiring.ts';
import { type Backend, describeEachBackend, environmentFor, type TestDatabase } from '../../support/backends.ts';
import { aPersonWithAccount, aSchool, signIn } from '../../support/community.ts';
import { available } from '../../support/environment.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { runFootprint } from '../../support/processes.ts';

/** A step-up needs a later code than the one used to sign in. */
const nextStep = () => new Date(Date.now() + 30_000);

const idOf = (location: unknown) => /\/official-accounts\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

describeEachBackend('Official accounts', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const adapters = () => testApp().adapters;
  /** One unit of work in the school, as a service opens one. */
  const inSchool = <T>(schoolId: string, work: (store: SchoolStore) => Promise<T>) =>
    adapters().units.inSchool(schoolId, work);

  async function aSchoolWithStaff(slug: string, urn: string) {
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
    const teacher = await aPersonWithAccount(adapters(), school.id, {
      givenName: 'Tom',
      familyName: 'Teacher',
      email: `tom@${slug}.example`,
      roles: [{ role: 'staff', jobTitle: 'Class 3 teacher', duties: [] }],
    });
    return { school, head, teacher };
  }

  const blogRequest = (managerPersonId: string) => ({
    platform: 'blog',
    address: 'https://class3.oak.example',
    purpose: 'Share Class 3 work with families',
    audience: 'parents',
    managerPersonId,
    commentsOn: 'no',
    interaction: 'one_way',
    'risk-visibility': 'approved',
    'risk-pupils': 'unnamed',
    'risk-moderation': 'none_possible',
    'risk-hacked': 'protected',
    'risk-contributors': 'no',
  });

  async function anApprovedAccount(slug: string, urn: string) {
    const people = await aSchoolWithStaff(slug, urn);
    const teacher = await signIn(app, people.teacher);
    await teacher.get('/official-accounts/new');
    const sent = await teacher.post('/official-accounts', blogRequest(people.teacher.personId));
    const id = idOf(sent.headers.location);
    const head = await signIn(app, people.head);
    await head.get(`/official-accounts/${id}`);
    await head.post(`/official-accounts/${id}/decision`, {
      decision: 'approve',
      'reviewDue-day': '1',
      'reviewDue-month': '9',
      'reviewDue-year': '2027',
    });
    return { ...people, id, teacherBrowser: teacher, headBrowser: head };
  }

  it('takes a request with its risk assessment, keeping what was typed when something is missing', async () => {
    const { teacher } = await aSchoolWithStaff('oak', '500001');
    const browser = await signIn(app, teacher);
    const form = await browser.get('/official-accounts/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Tom Teacher');

    const missing = await browser.post('/official-accounts', {
      ...blogRequest(teacher.personId),
      address: '',
      'risk-hacked': '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('<title>Error: Request an official account');
    expect(missing.body).toContain('href="#address"');
    expect(missing.body).toContain('href="#risk-hacked"');
    expect(missing.body).toContain('Share Class 3 work with families');

    const sent = await browser.post('/official-accounts', {
      ...blogRequest(teacher.personId),
      'risk-visibility': 'anyone',
      'risk-hacked': 'partly',
    });
    expect(sent.statusCode).toBe(303);
    const page = await browser.get(String(sent.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your request has been sent to the Headteacher.');
    expect(page.body).toContain('Medium');
    expect(page.body).toContain('check photo consent');
    expect(page.body).toContain('Requested</strong> by Tom Teacher');
    // A teacher can neither decide nor reveal.
    expect(page.body).not.toContain('data-qa="approve-form"');
    const decided = await browser.post(`/official-accounts/${idOf(sent.headers.location)}/decision`, {
      decision: 'approve',
    });
    expect(decided.statusCode).toBe(403);
  });

  it('is approved or declined by the Headteacher, with a review date or a reason, and keeps the history', async () => {
    const { school, head, teacher } = await aSchoolWithStaff('ash', '500002');
    const teacherBrowser = await signIn(app, teacher);
    await teacherBrowser.get('/official-accounts/new');
    const first = idOf(
      (await teacherBrowser.post('/official-accounts', blogRequest(teacher.personId))).headers.location,
    );
    const second = idOf(
      (await teacherBrowser.post('/official-accounts', blogRequest(teacher.personId))).headers.location,
    );

    const browser = await signIn(app, head);
    const page = await browser.get(`/official-accounts/${first}`);
    expect(page.body).toContain('data-qa="approve-form"');
    const badDate = await browser.post(`/official-accounts/${first}/decision`, {
      decision: 'approve',
      'reviewDue-day': '31',
      'reviewDue-month': '2',
      'reviewDue-year': '2027',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('must be a real date');
    const approved = await browser.post(`/official-accounts/${first}/decision`, {
      decision: 'approve',
      'reviewDue-day': '1',
      'reviewDue-month': '9',
      'reviewDue-year': '2027',
    });
    expect(approved.statusCode).toBe(303);
    const after = await browser.get(`/official-accounts/${first}`);
    expect(after.body).toContain('1 September 2027');
    expect(after.body).toContain('Approved</strong> by Hana Head');

    const noReason = await browser.post(`/official-accounts/${second}/decision`, { decision: 'decline', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Give the reason for declining');
    await browser.post(`/official-accounts/${second}/decision`, {
      decision: 'decline',
      reason: 'We have a class blog already',
    });
    const declined = await browser.get(`/official-accounts/${second}`);
    expect(declined.body).toContain('We have a class blog already');

    const actions = (await inSchool(school.id, (store) => store.audit.list({ limit: 20, offset: 0 }))).items.map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['official_account_requested', 'official_account_approved', 'official_account_declined']),
    );
  });

  it('keeps the login sealed, reveals it only with a good code, and shows when it was last replaced', async () => {
    const { school, id, teacherBrowser, headBrowser } = await anApprovedAccount('elm', '500003');
    const form = await teacherBrowser.get(`/official-accounts/${id}/login`);
    expect(form.statusCode).toBe(200);
    const noPassword = await teacherBrowser.post(`/official-accounts/${id}/login`, {
      username: 'class3',
      password: '',
    });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.body).toContain('Enter the password');
    const deposited = await teacherBrowser.post(`/official-accounts/${id}/login`, {
      username: 'class3',
      password: 'first lighthouse password',
    });
    expect(deposited.headers.location).toBe(`/official-accounts/${id}?done=deposited`);
    const stored = await inSchool(school.id, (store) => store.officialAccounts.findLogin(id));
    expect(JSON.stringify(stored)).not.toContain('lighthouse');
    const firstUpdate = stored!.depositedAt;

    const page = await headBrowser.get(`/official-accounts/${id}`);
    expect(page.body).not.toContain('lighthouse');
    expect(page.headers['cache-control']).toBe('no-store');
    const wrong = await headBrowser.post(`/official-accounts/${id}/reveal`, { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('That code did not work');
    expect(wrong.body).not.toContain('lighthouse');
    const refusals = (await inSchool(school.id, (store) => store.audit.list({ limit: 50, offset: 0 }))).items.filter(
      (entry) => entry.action === 'sign_in_failed' && entry.subject?.id === id,
    );
    expect(refusals).toHaveLength(1);

    const revealed = await headBrowser.post(`/official-accounts/${id}/reveal`, {
      code: totpCode((await headKey('elm'))!, nextStep()),
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(revealed.body).toContain('first lighthouse password');
    const entries = (await inSchool(school.id, (store) => store.audit.list({ limit: 50, offset: 0 }))).items;
    expect(entries[0]).toMatchObject({ action: 'account_secret_revealed', subject: { kind: 'official_account', id } });
    expect(JSON.stringify(entries)).not.toContain('lighthouse');
    // Shown once: the page read again holds no login.
    expect((await headBrowser.get(`/official-accounts/${id}`)).body).not.toContain('lighthouse');

    await new Promise((resolve) => setTimeout(resolve, 5));
    await teacherBrowser.get(`/official-accounts/${id}/login`);
    const replaced = await teacherBrowser.post(`/official-accounts/${id}/login`, {
      username: 'class3',
      password: 'second harbour password',
    });
    expect(replaced.headers.location).toBe(`/official-accounts/${id}?done=replaced`);
    const again = await inSchool(school.id, (store) => store.officialAccounts.findLogin(id));
    expect(again!.depositedAt.getTime()).toBeGreaterThan(firstUpdate.getTime());
    const register = await teacherBrowser.get('/official-accounts');
    expect(register.body).toContain('data-qa="login-updated"');
    expect(register.body).not.toContain('Not deposited');
    const history = await teacherBrowser.get(`/official-accounts/${id}`);
    expect(history.body).toContain('Login details replaced');
    expect(history.body).toContain('Login details revealed');
  });

  it('answers not found for another school’s account, and for a reveal there', async () => {
    const { id } = await anApprovedAccount('yew', '500004');
    const { head, teacher } = await aSchoolWithStaff('fir', '500005');
    const theirTeacher = await signIn(app, teacher);
    expect((await theirTeacher.get(`/official-accounts/${id}`)).statusCode).toBe(404);
    expect((await theirTeacher.get(`/official-accounts/${id}/login`)).statusCode).toBe(404);
    const theirHead = await signIn(app, head);
    await theirHead.get('/official-accounts');
    expect((await theirHead.post(`/official-accounts/${id}/reveal`, { code: '123456' })).statusCode).toBe(404);
    expect(
      (await theirHead.post(`/official-accounts/${id}/decision`, { decision: 'decline', reason: 'x' })).statusCode,
    ).toBe(404);
  });

  async function headKey(slug: string): Promise<string | undefined> {
    const found = await adapters().units.acrossSchools((store) => store.accounts.findByEmail(`head@${slug}.example`));
    return found && adapters().crypto.secrets.open(found.secrets.totpSecret!, found.account.id);
  }
});

// A canary login goes in; nothing but the one page that reveals it may hold it in plain text: not
// the server's log (at its most talkative), not any other page or error, not a backup.
describeEachBackend('An escrowed login stays secret', (backend: Backend) => {
  const canary = { username: 'canary-user-4Kd9', password: 'canary-pass-Vw82 xq', notes: 'canary-note-Jm31' };
  const visible = 'canary-purpose-visible-Rt5';
  let database: TestDatabase;
  let app: FastifyInstance | undefined;
  let adapters: RunningAdapters | undefined;
  let logged = '';
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'footprint-canary-'));
    database = await backend.open();
    const logger = createLogger(
      { logLevel: 'trace' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged += chunk.toString('utf8');
          done();
        },
      }),
    );
    adapters = await createAdapters(database.config, logger);
    await adapters.migrate();
    app = await buildApp(createServices(adapters), { config: database.config, logger });
  });

  afterAll(async () => {
    await app?.close();
    await adapters?.close();
    await database?.destroy();
    await rm(workDir, { recursive: true, force: true });
  });

  const inPlainText = (text: string) =>
    Object.values(canary).filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));

  it('is found only on the page that reveals it', async () => {
    const school = await aSchool(adapters!, 'canary', '700001');
    const head = await aPersonWithAccount(
      adapters!,
      school.id,
      {
        givenName: 'Hana',
        familyName: 'Head',
        email: 'head@canary.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    const teacher = await aPersonWithAccount(adapters!, school.id, {
      givenName: 'Tom',
      familyName: 'Teacher',
      email: 'tom@canary.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: [] }],
    });
    const pages: { what: string; body: string }[] = [];
    const keep = (what: string, response: { body: string; headers: Record<string, unknown> }) => {
      pages.push({ what, body: `${JSON.stringify(response.headers)}\n${response.body}` });
      return response;
    };

    const staff = await signIn(() => app!, teacher);
    keep('request form', await staff.get('/official-accounts/new'));
    const sent = await staff.post('/official-accounts', {
      platform: 'blog',
      address: 'https://canary.example/blog',
      purpose: visible,
      audience: 'parents',
      managerPersonId: teacher.personId,
      commentsOn: 'no',
      interaction: 'one_way',
      'risk-visibility': 'approved',
      'risk-pupils': 'never',
      'risk-moderation': 'none_possible',
      'risk-hacked': 'protected',
      'risk-contributors': 'no',
    });
    const id = idOf(sent.headers.location);
    const headBrowser = await signIn(() => app!, head);
    keep('account, to decide', await headBrowser.get(`/official-accounts/${id}`));
    await headBrowser.post(`/official-accounts/${id}/decision`, {
      decision: 'approve',
      'reviewDue-day': '1',
      'reviewDue-month': '9',
      'reviewDue-year': '2027',
    });

    keep('deposit form', await staff.get(`/official-accounts/${id}/login`));
    keep('deposit refused', await staff.post(`/official-accounts/${id}/login`, { ...canary, username: '' }));
    keep(
      'deposit with a bad email',
      await staff.post(`/official-accounts/${id}/login`, { ...canary, recoveryEmail: 'nope' }),
    );
    keep('deposit', await staff.post(`/official-accounts/${id}/login`, canary));
    keep('register', await staff.get('/official-accounts'));
    keep('account, as the teacher', await staff.get(`/official-accounts/${id}?done=deposited`));
    keep('reveal, as the teacher', await staff.post(`/official-accounts/${id}/reveal`, { code: '123456' }));
    keep('reveal, no code', await headBrowser.post(`/official-accounts/${id}/reveal`, { code: '' }));
    keep('reveal, wrong code', await headBrowser.post(`/official-accounts/${id}/reveal`, { code: '000000' }));
    keep(
      'reveal, elsewhere',
      await headBrowser.post('/official-accounts/00000000-0000-4000-8000-000000000009/reveal', { code: '1' }),
    );
    keep('not an id', await headBrowser.get('/official-accounts/not-an-id'));
    keep('audit log', await headBrowser.get('/audit'));

    const key = adapters!.crypto.secrets.open(
      (await adapters!.units.inSchool(school.id, (store) => store.accounts.find(head.accountId)))!.secrets.totpSecret!,
      head.accountId,
    );
    const revealed = await headBrowser.post(`/official-accounts/${id}/reveal`, {
      code: totpCode(key, new Date(Date.now() + 30_000)),
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(inPlainText(revealed.body)).toEqual(Object.values(canary));
    keep('account, after the reveal', await headBrowser.get(`/official-accounts/${id}`));

    for (const page of pages) expect(inPlainText(page.body), page.what).toEqual([]);
    expect(logged.length).toBeGreaterThan(0);
    expect(inPlainText(logged)).toEqual([]);
    const entries = await adapters!.units.inSchool(school.id, (store) => store.audit.list({ limit: 100, offset: 0 }));
    expect(inPlainText(JSON.stringify(entries))).toEqual([]);

    // A backup is taken with Footprint stopped, as on the embedded database it must be.
    await app!.close();
    await adapters!.close();
    app = undefined;
    adapters = undefined;
    const file = join(workDir, 'canary.backup');
    const backedUp = await runFootprint(['backup', file], environmentFor(database.config));
    expect(backedUp.code, backedUp.stderr).toBe(0);
    const readable = await readableBackup(file, database.config.database.kind === 'postgres');
    if (readable === undefined) return;
    // The search can see plain text: what is not secret is there to be found.
    expect(readable).toContain(visible);
    expect(inPlainText(readable)).toEqual([]);
  });
});

/** The backup's contents as text to search: the embedded database's files unzipped, or the PostgreSQL dump as SQL. */
async function readableBackup(file: string, postgres: boolean): Promise<string | undefined> {
  if (!postgres) return gunzipSync(await readFile(file)).toString('latin1');
  if (!available('pg_restore', spawnSync('pg_restore', ['--version']).status === 0, 'pg_restore is not installed')) {
    return undefined;
  }
  const sql = spawnSync('pg_restore', ['--file=-', file], { maxBuffer: 256 * 1024 * 1024 });
  if (sql.status !== 0) throw new Error(sql.stderr.toString());
  return sql.stdout.toString('utf8');
}
