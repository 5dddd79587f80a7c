// Every route's schema bounds what it is sent before anything else reads it: an over-long field on
// a form comes back on the page, saying what to fix, with everything else typed kept; on the API it
// is a problem document naming the field; and no pattern ever runs on a value too long to be right.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../support/backends.ts';
import { browserFor } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';

/** The messages beside the fields of a page, by field. */
const fieldErrors = (body: string) =>
  Object.fromEntries(
    [...body.matchAll(/<p id="([\w-]+)-error" class="govuk-error-message">[\s\S]*?<\/span>([^<]+)</g)].map((m) => [
      m[1]!,
      m[2]!.trim(),
    ]),
  );

describeEachBackend('Route schemas', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;

  it('refuses an over-long field on a form with a message on the page, keeping the rest of what was typed', async () => {
    const school = await aSchool(testApp().adapters, 'longfield', '300001');
    const head = await aPersonWithAccount(
      testApp().adapters,
      school.id,
      {
        givenName: 'Hana',
        familyName: 'Head',
        email: 'head@longfield.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    const browser = await signIn(app, head);
    await browser.get('/people/new');
    const response = await browser.post('/people/new', {
      givenName: 'Priya',
      familyName: 'x'.repeat(5000),
      email: 'priya@longfield.example',
      jobTitle: 'Year 4 teacher',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(fieldErrors(response.body)).toEqual({ familyName: 'Last name must be 200 characters or fewer' });
    expect(response.body).toContain('value="Priya"');
    expect(response.body).toContain('value="priya@longfield.example"');
    expect(response.body).toContain('value="Year 4 teacher"');
    // Nobody was added.
    const listed = await testApp().adapters.units.inSchool(school.id, (store) =>
      store.people.list({ search: 'Priya', limit: 5, offset: 0 }),
    );
    expect(listed.items).toEqual([]);
    // An address whose id is not an id names no page.
    expect((await browser.get('/people/not-an-id/edit')).statusCode).toBe(404);
  });

  it('refuses a 60,000-character address on "sign in with your school account" by its length, before any pattern', async () => {
    const browser = browserFor(app);
    await browser.get('/sign-in');
    const schoolEmail = `${'a.'.repeat(29_990)}@school.org.uk`.padEnd(60_000, 'k');
    expect(schoolEmail).toHaveLength(60_000);
    const response = await browser.post('/sign-in/school-account', { schoolEmail, next: '/home' });
    expect(response.statusCode).toBe(400);
    // The schema's message, about the length: not the pattern's, about the shape of an address.
    expect(fieldErrors(response.body)).toEqual({ schoolEmail: 'Email address must be 320 characters or fewer' });
    expect(response.body).not.toContain('such as name@school.org.uk');
  });

  it('answers an over-long field on the API with a problem document naming it', async () => {
    const response = await app().inject({
      method: 'POST',
      url: '/api/v1/policies/wingate/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ actor: { role: 'staff' }, act: 'post', context: { platform: 'p'.repeat(10_000) } }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = response.json<{ code: string; errors: { field: string; pointer: string }[] }>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'context.platform', pointer: '#/context/platform' }),
    ]);
  });
});
