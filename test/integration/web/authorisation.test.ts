// Every page × every role, from the router's own list of routes. The expectations are written
// here, by hand, from what each role should reach; a route missing from this table fails the
// test, so nobody can add a page without deciding who may use it.
import { expect, it } from 'vitest';
import { accessRoles, type AccessRole } from '../../../src/domain/access/roles.ts';
import type { RoleHeld } from '../../../src/domain/community/people.ts';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor, type Browser } from '../../support/browser.ts';
import { useTestApp } from '../../support/fixtures.ts';

type Who = AccessRole | 'nobody';
const everyoneSignedIn: AccessRole[] = [...accessRoles];
/** Everyone who works or helps at the school: whoever declares relationships. */
const declarers = everyoneSignedIn.filter((role) => role !== 'parent' && role !== 'visitor');

/** Who may use each route: 'anyone' (signed in or not), or the roles allowed. A trailing * matches the rest. */
const expected: Record<string, 'anyone' | AccessRole[]> = {
  'GET /': 'anyone',
  'GET /healthz': 'anyone',
  'GET /readyz': 'anyone',
  'GET /problems/:type': 'anyone',
  'GET /setup': 'anyone',
  'GET /setup/*': 'anyone',
  'POST /setup/*': 'anyone',
  'GET /sign-in': 'anyone',
  'POST /sign-in': 'anyone',
  'GET /sign-in/*': 'anyone',
  'POST /sign-in/*': 'anyone',
  'POST /sign-out': 'anyone',
  'GET /sign-in/email-link': 'anyone',
  'POST /sign-in/email-link': 'anyone',
  'GET /sign-in/link/:token': 'anyone',
  'POST /sign-in/link/:token': 'anyone',
  'GET /forgot-password': 'anyone',
  'POST /forgot-password': 'anyone',
  'GET /reset-password/:token': 'anyone',
  'POST /reset-password/:token': 'anyone',
  'GET /invitation/:token': 'anyone',
  'POST /invitation/:token': 'anyone',
  'GET /links/consent/:token': 'anyone',
  'POST /links/consent/:token': 'anyone',
  'GET /s/:school': 'anyone',
  'GET /s/:school/policy': 'anyone',
  'GET /s/:school/policy.pdf': 'anyone',
  'GET /s/:school/policy/v/:number': 'anyone',
  'GET /s/:school/policy/v/:number.pdf': 'anyone',
  'POST /invitations': ['headteacher', 'school_admin'],
  'GET /home': everyoneSignedIn,
  'GET /s/:school/check': 'anyone',
  'GET /s/:school/check/*': 'anyone',
  'GET /check': everyoneSignedIn,
  'GET /check/*': everyoneSignedIn,
  'GET /policy': ['headteacher', 'dsl', 'chair_of_governors', 'governor'],
  'POST /policy/adopt': ['headteacher'],
  'POST /policy/revise': ['headteacher'],
  'POST /policy/versions/:number/send': ['headteacher'],
  'POST /policy/versions/:number/withdraw': ['headteacher'],
  'POST /policy/versions/:number/ratify': ['chair_of_governors', 'governor'],
  'POST /policy/versions/:number/publish': ['headteacher'],
  'GET /policy/versions/:number': ['headteacher', 'dsl', 'chair_of_governors', 'governor'],
  'GET /policy/versions/:number/document': ['headteacher', 'dsl', 'chair_of_governors', 'governor'],
  'GET /policy/compare': ['headteacher', 'dsl', 'chair_of_governors', 'governor'],
  'GET /policy/draft': ['headteacher'],
  'GET /policy/draft.yaml': ['headteacher'],
  'GET /policy/draft/details': ['headteacher'],
  'POST /policy/draft/details': ['headteacher'],
  'GET /policy/draft/sections/new': ['headteacher'],
  'POST /policy/draft/sections/new': ['headteacher'],
  'GET /policy/draft/sections/:sectionId': ['headteacher'],
  'POST /policy/draft/sections/:sectionId': ['headteacher'],
  'POST /policy/draft/sections/:sectionId/remove': ['headteacher'],
  'GET /policy/draft/rules/new': ['headteacher'],
  'POST /policy/draft/rules/new': ['headteacher'],
  'GET /policy/draft/rules/:ruleId': ['headteacher'],
  'POST /policy/draft/rules/:ruleId': ['headteacher'],
  'POST /policy/draft/rules/:ruleId/remove': ['headteacher'],
  'GET /policy/draft/rules/:ruleId/exceptions/new': ['headteacher'],
  'POST /policy/draft/rules/:ruleId/exceptions/new': ['headteacher'],
  'GET /policy/draft/rules/:ruleId/exceptions/:exceptionId': ['headteacher'],
  'POST /policy/draft/rules/:ruleId/exceptions/:exceptionId': ['headteacher'],
  'POST /policy/draft/rules/:ruleId/exceptions/:exceptionId/remove': ['headteacher'],
  'GET /policy/draft/procedures/new': ['headteacher'],
  'POST /policy/draft/procedures/new': ['headteacher'],
  'GET /policy/draft/procedures/:procedureId': ['headteacher'],
  'POST /policy/draft/procedures/:procedureId': ['headteacher'],
  'GET /policy/draft/procedures/:procedureId/remove': ['headteacher'],
  'POST /policy/draft/procedures/:procedureId/remove': ['headteacher'],
  'GET /policy/draft/import': ['headteacher'],
  'POST /policy/draft/import': ['headteacher'],
  'GET /policy/draft/preview': ['headteacher'],
  'GET /people': ['headteacher', 'dsl', 'school_admin'],
  'GET /people/:personId': ['headteacher', 'dsl', 'school_admin'],
  'GET /pupils/:pupilId': ['headteacher', 'dsl', 'school_admin'],
  'GET /people/new': ['headteacher', 'school_admin'],
  'POST /people/new': ['headteacher', 'school_admin'],
  'GET /people/:personId/edit': ['headteacher', 'school_admin'],
  'POST /people/:personId/edit': ['headteacher', 'school_admin'],
  'GET /people/import': ['headteacher', 'school_admin'],
  'POST /people/import': ['headteacher', 'school_admin'],
  'GET /people/import/check': ['headteacher', 'school_admin'],
  'POST /people/import/confirm': ['headteacher', 'school_admin'],
  'GET /people/import/result': ['headteacher', 'school_admin'],
  'GET /people/import/templates/*': ['headteacher', 'school_admin'],
  'GET /audit': ['headteacher'],
  'GET /accounts': ['headteacher', 'school_admin'],
  'GET /settings/sign-on': ['headteacher', 'school_admin'],
  'POST /settings/sign-on': ['headteacher', 'school_admin'],
  'GET /accounts/:personId': ['headteacher', 'school_admin'],
  'POST /accounts/:personId/admin': ['headteacher', 'school_admin'],
  'POST /accounts/:personId/disabled': ['headteacher', 'school_admin'],
  'GET /audit/check': ['headteacher'],
  'GET /account': everyoneSignedIn,
  'POST /account/sign-out-everywhere': everyoneSignedIn,
  'POST /account/authenticator': everyoneSignedIn,
  'GET /sign-off': ['headteacher'],
  'POST /sign-off/campaigns': ['headteacher'],
  'POST /sign-off/campaigns/:id/close': ['headteacher'],
  'GET /acknowledge': everyoneSignedIn,
  'GET /acknowledge/policy/:number': everyoneSignedIn,
  'POST /acknowledge/policy/:number': everyoneSignedIn,
  'GET /acknowledge/:token': 'anyone',
  'POST /acknowledge/:token': 'anyone',
  'GET /declarations': declarers,
  'GET /declarations/new': declarers,
  'POST /declarations/new': declarers,
  'GET /declarations/review': ['headteacher', 'dsl', 'chair_of_governors'],
  'GET /declarations/review/:declarationId': ['headteacher', 'dsl', 'chair_of_governors'],
  'POST /declarations/review/:declarationId/approve': ['headteacher', 'chair_of_governors'],
  'POST /declarations/review/:declarationId/decline': ['headteacher', 'chair_of_governors'],
  'GET /consent/purposes': ['headteacher', 'school_admin'],
  'POST /consent/purposes': ['headteacher', 'school_admin'],
  'GET /consent/purposes/:purposeId': ['headteacher', 'school_admin'],
  'POST /consent/purposes/:purposeId': ['headteacher', 'school_admin'],
  'POST /consent/purposes/:purposeId/retire': ['headteacher', 'school_admin'],
  'GET /consent/renewal': ['headteacher', 'school_admin'],
  'POST /consent/renewal': ['headteacher', 'school_admin'],
  'GET /consent': ['parent'],
  'GET /consent/children/:pupilId': ['parent'],
  'POST /consent/children/:pupilId': ['parent'],
  'GET /consent/check': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'GET /consent/check/print': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'GET /consent/coverage': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'GET /pupils/:pupilId/consent': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'POST /pupils/:pupilId/consent/link': ['headteacher', 'school_admin'],
  'GET /official-accounts': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'GET /official-accounts/new': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'POST /official-accounts': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'GET /official-accounts/:accountId': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'POST /official-accounts/:accountId/decision': ['headteacher'],
  'GET /official-accounts/:accountId/login': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'POST /official-accounts/:accountId/login': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'POST /official-accounts/:accountId/reveal': ['headteacher'],
  'GET /incidents/letters': ['headteacher', 'dsl'],
  'GET /incidents/letters/:kind': ['headteacher', 'dsl'],
  'POST /incidents/letters/:kind': ['headteacher', 'dsl'],
  'POST /incidents/letters/:kind/standard': ['headteacher', 'dsl'],
  'GET /report': declarers,
  'POST /report': declarers,
  'GET /report/sent': declarers,
  'GET /s/:school/report': 'anyone',
  'POST /s/:school/report': 'anyone',
  'GET /s/:school/report/sent': 'anyone',
  // Which case each handler may open is decided case by case by the incidents service.
  'GET /incidents': ['headteacher', 'dsl', 'chair_of_governors'],
  'GET /incidents/:caseId': ['headteacher', 'dsl', 'chair_of_governors'],
  'POST /incidents/:caseId/assess': ['headteacher', 'dsl', 'chair_of_governors'],
  'POST /incidents/:caseId/tasks/:taskId': ['headteacher', 'dsl', 'chair_of_governors'],
  'POST /incidents/:caseId/entries': ['headteacher', 'dsl', 'chair_of_governors'],
  'POST /incidents/:caseId/close': ['headteacher', 'dsl', 'chair_of_governors'],
  'POST /incidents/:caseId/reopen': ['headteacher', 'dsl', 'chair_of_governors'],
  'POST /incidents/:caseId/letters': ['headteacher', 'dsl', 'chair_of_governors'],
  'GET /incidents/figures': ['headteacher', 'dsl', 'chair_of_governors', 'governor'],
  'GET /incidents/retention': ['headteacher', 'dsl', 'chair_of_governors'],
  'GET /monitoring': ['headteacher', 'dsl'],
  'GET /monitoring/mentions/:mentionId': ['headteacher', 'dsl'],
  'POST /monitoring/mentions/:mentionId/review': ['headteacher', 'dsl'],
  'POST /monitoring/mentions/:mentionId/respond': ['headteacher', 'dsl'],
  'POST /monitoring/mentions/:mentionId/correct': ['headteacher', 'dsl'],
  'POST /monitoring/mentions/:mentionId/escalate': ['headteacher', 'dsl'],
  'GET /monitoring/mentions/:mentionId/screenshot': ['headteacher', 'dsl'],
  'GET /monitoring/capture': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'POST /monitoring/capture': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'GET /monitoring/capture/sent': ['headteacher', 'dsl', 'school_admin', 'staff'],
  'GET /monitoring/sources': ['headteacher', 'dsl'],
  'POST /monitoring/sources': ['headteacher', 'dsl'],
  'POST /monitoring/sources/:sourceId/remove': ['headteacher', 'dsl'],
  'POST /monitoring/sources/check': ['headteacher', 'dsl'],
  'GET /monitoring/settings': ['headteacher', 'dsl'],
  'POST /monitoring/settings': ['headteacher', 'dsl'],
  'POST /monitoring/settings/staff/:personId': ['headteacher', 'dsl'],
  'GET /monitoring/quality': ['headteacher', 'dsl'],
  'POST /incidents/retention/rules': ['headteacher', 'chair_of_governors'],
  'POST /incidents/retention/:caseId/propose': ['headteacher', 'dsl', 'chair_of_governors'],
  'POST /incidents/retention/destructions/:destructionId/approve': ['headteacher', 'chair_of_governors'],
  'GET /incidents/figures.csv': ['headteacher', 'dsl', 'chair_of_governors', 'governor'],
  'GET /incidents/:caseId/evidence/:evidenceId': ['headteacher', 'dsl', 'chair_of_governors'],
};

function expectationFor(method: string, url: string) {
  const key = `${method} ${url}`;
  if (expected[key]) return expected[key];
  const prefix = Object.keys(expected).find((k) => k.endsWith('*') && key.startsWith(k.slice(0, -1)));
  return prefix ? expected[prefix] : undefined;
}

const rolesHeld: Record<AccessRole, { held: RoleHeld[]; schoolAdmin?: boolean }> = {
  headteacher: { held: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }] },
  dsl: { held: [{ role: 'staff', jobTitle: 'Deputy head', duties: ['dsl'] }] },
  school_admin: { held: [{ role: 'staff', jobTitle: 'Office manager', duties: ['office'] }], schoolAdmin: true },
  staff: { held: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }] },
  chair_of_governors: { held: [{ role: 'governor', duties: ['chair'] }] },
  governor: { held: [{ role: 'governor', duties: ['member'] }] },
  parent: { held: [{ role: 'parent' }] },
  volunteer: { held: [{ role: 'volunteer' }] },
  visitor: { held: [{ role: 'visitor' }] },
};

const password = 'harbour lantern meadow';

describeEachBackend('Who may use each page', (backend) => {
  // Thousands of requests from one address in a minute: the site-wide limit would refuse them.
  const testApp = useTestApp(backend, undefined, { RATE_LIMIT_PER_MINUTE: '100000' });
  const app = () => testApp().app;
  const keys = new Map<AccessRole, string>();
  const accountIds = new Map<AccessRole, string>();

  it('has an expectation for every route of the website', () => {
    const missing = app()
      .routeTable.filter((route) => route.method !== 'HEAD')
      .filter((route) => !expectationFor(route.method, route.url))
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it('gives each route to exactly the roles expected, and to nobody signed out unless it is open', async () => {
    const { units, crypto } = testApp().adapters;
    const services = createServices(testApp().adapters);
    const organisation = await units.acrossSchools((store) =>
      store.schools.addOrganisation({ name: 'Matrix Trust', kind: 'trust' }),
    );
    const school = await units.acrossSchools((store) =>
      store.schools.addSchool(organisation.id, {
        name: 'Matrix Primary',
        slug: 'matrix',
        urn: '200001',
        phase: 'primary',
        address: { line1: '1 Grid Road', town: 'Exampleton', postcode: 'EX2 2BB' },
        contactEmail: 'office@matrix.example',
        day: { starts: '08:45', ends: '15:15' },
      }),
    );
    for (const role of everyoneSignedIn) {
      const [person] = await units.inSchool(school.id, (store) =>
        store.people.add([
          {
            person: { givenName: role, familyName: 'Tester', email: `${role}@matrix.example` },
            roles: rolesHeld[role].held,
          },
        ]),
      );
      const account = await services.access.addAccount(school.id, person!.id, `${role}@matrix.example`, {
        schoolAdmin: rolesHeld[role].schoolAdmin ?? false,
      });
      accountIds.set(role, account.id);
      expect(await services.access.setPassword(school.id, account.id, password)).toEqual([]);
      if (await services.access.needsSecondFactorSetUp(school.id, account.id)) {
        const key = crypto.totp.newSecret();
        keys.set(role, key);
        await units.inSchool(school.id, (store) =>
          store.accounts.change(account.id, { totpSecret: crypto.secrets.seal(key, account.id) }, new Date()),
        );
      }
    }

    // Another school, whose records no one here may reach, whatever their role.
    const elsewhere = await units.acrossSchools((store) =>
      store.schools.addSchool(organisation.id, {
        name: 'Elsewhere Primary',
        slug: 'elsewhere',
        urn: '200002',
        phase: 'primary',
        address: { line1: '2 Grid Road', town: 'Exampleton', postcode: 'EX2 2BC' },
        contactEmail: 'office@elsewhere.example',
        day: { starts: '08:45', ends: '15:15' },
      }),
    );
    const [stranger] = await units.inSchool(elsewhere.id, (store) =>
      store.people.add([
        {
          person: { givenName: 'Sam', familyName: 'Stranger', email: 'sam@elsewhere.example' },
          roles: rolesHeld.staff.held,
        },
      ]),
    );
    await services.access.addAccount(elsewhere.id, stranger!.id, 'sam@elsewhere.example');
    const peopleOf = (search: string) =>
      units.inSchool(school.id, (store) => store.people.list({ search, limit: 1, offset: 0 }));
    const colleague = (await peopleOf('staff@')).items[0];
    const pupilOf = async (schoolId: string) =>
      (
        await units.inSchool(schoolId, (store) =>
          store.pupils.add([
            { misId: 'P1', legalGivenName: 'Pat', legalFamilyName: 'Pupil', dateOfBirth: '2018-01-02', yearGroup: '3' },
          ]),
        )
      )[0]!.id;
    // Policy versions are numbered within each school: this school has version 1, the other 1 and 2.
    const head = (await peopleOf('headteacher@')).items[0]!;
    const model = testApp().adapters.policyLibrary.find('model');
    if (!model?.ok) throw new Error('the model policy is missing');
    for (const [schoolId, createdBy, count] of [
      [school.id, head.id, 1],
      [elsewhere.id, stranger!.id, 2],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const version = await units.inSchool(schoolId, (store) =>
          store.policyVersions.add({
            label: `${i + 1}.0`,
            document: model.policy,
            contentHash: 'matrix',
            createdBy,
            at: new Date(),
          }),
        );
        if (i + 1 < count) {
          await units.inSchool(schoolId, (store) =>
            store.policyVersions.move(version.id, 'draft', 'superseded', { at: new Date() }),
          );
        }
      }
    }
    /** Each route parameter, filled with a record of this school and one of the other school. */
    const parameters: Record<string, { own: string; other: string }> = {
      number: { own: '1', other: '2' },
      personId: { own: colleague!.id, other: stranger!.id },
      pupilId: { own: await pupilOf(school.id), other: await pupilOf(elsewhere.id) },
      // A purpose of each school: both start with the same defaults, under their own ids.
      purposeId: {
        own: (await services.consent.consentFor(school.id, [], 'website_photos'))!.purpose.id,
        other: (await services.consent.consentFor(elsewhere.id, [], 'website_photos'))!.purpose.id,
      },
      // No campaign has these ids: closing one that is not the school's is not found either way.
      id: { own: '00000000-0000-4000-8000-000000000001', other: '00000000-0000-4000-8000-000000000002' },
      // Parts of the draft, by id. Both schools' drafts are the model, so "other" is an id this
      // school's draft lacks. Removing the own ones is refused: procedures need A2, and A has rules.
      sectionId: { own: 'A', other: 'ELSEWHERE' },
      ruleId: { own: 'A2', other: 'ELSEWHERE-1' },
      procedureId: { own: 'P-STAFF', other: 'P-ELSEWHERE' },
      // Rule A2 has no exceptions, so an exception of it is not found for either school.
      exceptionId: { own: 'none-yet', other: 'ELSEWHERE-EXCEPTION' },
      // No account of this school has the own id; the other school's is a real request.
      accountId: {
        own: '00000000-0000-4000-8000-000000000004',
        other: (
          await testApp().adapters.units.inSchool(elsewhere.id, (unit) =>
            unit.officialAccounts.add({
              platform: 'blog',
              address: 'https://elsewhere.example/blog',
              purpose: 'News',
              audience: 'parents',
              managerPersonId: stranger!.id,
              commentsOn: false,
              interaction: 'one_way',
              risk: {
                visibility: 'approved',
                pupils: 'never',
                moderation: 'none_possible',
                hacked: 'protected',
                contributors: 'no',
              },
              outcome: { level: 'low', reasons: [] },
              requestedBy: stranger!.id,
              at: new Date(),
            }),
          )
        ).id,
      },
      // A declaration of the other school's, which nobody here may open or decide on.
      declarationId: {
        own: '00000000-0000-4000-8000-000000000003',
        other: (
          await testApp().adapters.units.inSchool(elsewhere.id, (unit) =>
            unit.declarations.add(
              stranger!.id,
              { kind: 'former_pupil', description: 'Former pupil', leftWhen: '2020', explanation: 'Old contact' },
              new Date(),
            ),
          )
        ).id,
      },
      // A case of the other school's, about a pupil there: nobody here may open it or act on it.
      caseId: {
        own: '00000000-0000-4000-8000-000000000005',
        other: (
          await testApp().adapters.units.inSchool(elsewhere.id, (unit) =>
            unit.incidents.add(
              {
                reference: 'R-AAAA-AAAA',
                channel: 'public',
                kind: 'post',
                what: 'A post about a pupil',
                links: [],
                childInvolved: true,
                handler: 'dsl',
                reporter: { role: 'parent' },
                reportedAt: new Date(),
              },
              [{ role: 'parent', subject: true }],
            ),
          )
        ).id,
      },
      // Tasks and evidence are reached through their case; neither id is anyone's.
      taskId: { own: '00000000-0000-4000-8000-000000000006', other: '00000000-0000-4000-8000-000000000007' },
      evidenceId: { own: '00000000-0000-4000-8000-000000000008', other: '00000000-0000-4000-8000-000000000009' },
      destructionId: { own: '00000000-0000-4000-8000-00000000000a', other: '00000000-0000-4000-8000-00000000000b' },
      mentionId: { own: '00000000-0000-4000-8000-00000000000c', other: '00000000-0000-4000-8000-00000000000d' },
      sourceId: { own: '00000000-0000-4000-8000-00000000000e', other: '00000000-0000-4000-8000-00000000000f' },
      // Kinds of letter are the same in every school: a kind that does not exist is not found.
      kind: { own: 'request_removal', other: 'not_a_letter' },
    };
    const fill = (url: string, which: 'own' | 'other') =>
      url.replace(/:(\w+)/g, (_, name: string) => {
        const value = parameters[name];
        if (!value) throw new Error(`No test value for the route parameter :${name}: add one to the table`);
        return value[which];
      });

    async function signedIn(who: Who): Promise<Browser> {
      const browser = browserFor(app);
      if (who === 'nobody') return browser;
      await browser.get('/sign-in');
      const first = await browser.post('/sign-in', { email: `${who}@matrix.example`, password });
      const key = keys.get(who);
      if (key) {
        expect(
          first.headers.location,
          `${who}: ${first.statusCode} ${/<h1[^>]*>([^<]*)/.exec(first.body)?.[1] ?? ''}`,
        ).toBe('/sign-in/code');
        // This test signs each person in many times a minute: forget the last code used, so that
        // the current one works again (a code working once is tested with sign-in itself).
        await units.inSchool(school.id, (store) =>
          store.accounts.change(accountIds.get(who)!, { totpLastStep: null }, new Date()),
        );
        await browser.get('/sign-in/code');
        const done = await browser.post('/sign-in/code', { code: totpCode(key, new Date()) });
        expect(done.statusCode).toBe(303);
      }
      return browser;
    }

    const denied = (status: number, location: unknown, body: string) =>
      status === 401 ||
      (status === 403 && body.includes('You cannot use this page')) ||
      (status === 303 && typeof location === 'string' && location.startsWith('/sign-in?next='));

    const results: string[] = [];
    // One browser per role, signed in again only when a request has signed it out.
    const browsers = new Map<Who, Browser>();
    const primed = new WeakSet<Browser>();
    const browserOf = async (who: Who) => {
      let browser = browsers.get(who);
      if (browser && (who === 'nobody' || (await browser.get('/home')).statusCode === 200)) return browser;
      browser = await signedIn(who);
      browsers.set(who, browser);
      return browser;
    };

    for (const route of app().routeTable.filter((r) => r.method !== 'HEAD' && r.access !== 'anyone')) {
      const allowed = expectationFor(route.method, route.url);
      for (const who of ['nobody', ...everyoneSignedIn] as Who[]) {
        const browser = await browserOf(who);
        // A page with a form first, for its CSRF token: once per session, which keeps its token.
        if (route.method === 'POST' && !primed.has(browser)) {
          await browser.get(who === 'nobody' ? '/sign-in' : '/account');
          primed.add(browser);
        }
        const url = fill(route.url, 'own');
        const response = route.method === 'GET' ? await browser.get(url) : await browser.post(url, {});
        const wasDenied = denied(response.statusCode, response.headers.location, response.body);
        const shouldAllow = allowed === 'anyone' || (who !== 'nobody' && (allowed ?? []).includes(who));
        if (wasDenied === shouldAllow) {
          results.push(
            `${route.method} ${route.url} as ${who}: ${shouldAllow ? 'refused' : 'allowed'} (${response.statusCode})`,
          );
        }
        // Even someone allowed the page finds nothing of another school's there.
        if (shouldAllow && route.url.includes(':')) {
          const other = fill(route.url, 'other');
          const away = route.method === 'GET' ? await browser.get(other) : await browser.post(other, {});
          if (away.statusCode !== 404)
            results.push(`${route.method} ${route.url} as ${who}, other school: ${away.statusCode}`);
        }
      }
    }
    expect(results).toEqual([]);
    // Every route, for every role, in this school and the other: some thousands of requests.
  }, 300_000);
});
