// The first-run set-up, through the real app: real templates, CSRF, cookies and database.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.ts';
import { createLogger } from '../../../src/log.ts';
import { buildApp } from '../../../src/web/app.ts';
import { createAdapters, createServices, type RunningAdapters } from '../../../src/wiring.ts';
import { backends } from '../../support/backends.ts';
import { useTestApp, useTestDatabase } from '../../support/fixtures.ts';

type Form = Record<string, string>;

/** A visitor with a cookie jar, who posts forms with the CSRF token of the last page seen. */
function visitor(app: () => FastifyInstance) {
  const jar = new Map<string, string>();
  let token = '';
  async function send(method: 'GET' | 'POST', url: string, form?: Form, withToken = true) {
    const cookie = [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
    const body = form && new URLSearchParams({ ...form, ...(withToken ? { _csrf: token } : {}) }).toString();
    const response = await app().inject({
      method,
      url,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
      ...(body === undefined ? {} : { payload: body }),
    });
    for (const set of response.cookies) {
      if (set.maxAge === 0) jar.delete(set.name);
      else jar.set(set.name, set.value);
    }
    token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? token;
    return response;
  }
  return {
    jar,
    get: (url: string) => send('GET', url),
    post: (url: string, form: Form) => send('POST', url, form),
    postWithoutToken: (url: string, form: Form) => send('POST', url, form, false),
    /** Opens the page, then posts its form. */
    async answer(url: string, form: Form) {
      await send('GET', url);
      return send('POST', url, form);
    },
  };
}

const answers = {
  '/setup/organisation-type': { 'organisation.kind': 'trust' },
  '/setup/organisation-name': { 'organisation.name': 'Greenway Academies Trust' },
  '/setup/school-name': { 'school.name': 'St Mary’s C of E Primary School' },
  '/setup/reference-number-and-phase': { 'school.urn': '123 456', 'school.phase': 'primary' },
  '/setup/web-address': { 'school.slug': 'st-marys-primary' },
  '/setup/address': {
    'school.address.line1': '1 Church Lane',
    'school.address.line2': '',
    'school.address.town': 'Oakfield',
    'school.address.postcode': 'ox7 6xq',
  },
  '/setup/contact-and-school-day': {
    'school.contactEmail': 'office@stmarys.example.org',
    'school.day.starts': '8:45',
    'school.day.ends': '15:15',
  },
  '/setup/headteacher': {
    'headteacher.givenName': 'Ada',
    'headteacher.familyName': 'Okafor',
    'headteacher.email': 'head@stmarys.example.org',
  },
} satisfies Record<string, Form>;

const pages = Object.keys(answers);

/** Answers every question in turn, checking that each leads to the next. */
async function answerAll(person: ReturnType<typeof visitor>, except: Partial<typeof answers> = {}) {
  for (const [index, page] of pages.entries()) {
    const form = { ...answers[page as keyof typeof answers], ...except[page as keyof typeof answers] };
    const response = await person.answer(page, form);
    expect(response.statusCode, `${page}: ${response.body}`).toBe(303);
    expect(response.headers.location).toBe(pages[index + 1] ?? '/setup/check-your-answers');
  }
}

const heading = (response: LightMyRequestResponse) =>
  /data-qa="page-heading"[^>]*>\s*([^<]*?)\s*</.exec(response.body)?.[1];

describe('The first-run set-up', () => {
  const testApp = useTestApp(backends.pglite);
  const app = () => testApp().app;

  it('is offered by the start page of a fresh install', async () => {
    const start = await app().inject({ method: 'GET', url: '/' });
    expect(start.body).toContain('Set up Footprint for your school');
    expect(start.body).toMatch(/<a href="\/setup"[^>]*class="govuk-button govuk-button--start"/);
    expect(start.body).toContain('Footprint takes the social media policy your governors approved');
    const setup = await app().inject({ method: 'GET', url: '/setup' });
    expect(setup.statusCode).toBe(303);
    expect(setup.headers.location).toBe('/setup/organisation-type');
  });

  it('renders every question page, with its heading, a way back and the CSRF field', async () => {
    const person = visitor(app);
    for (const [index, page] of pages.entries()) {
      const response = await person.get(page);
      expect(response.statusCode, page).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('name="_csrf"');
      expect(response.body).toContain(`action="${page}"`);
      expect(response.body).toContain(`href="${pages[index - 1] ?? '/'}"`);
      expect(response.body).not.toContain('Error:');
      expect(heading(response)).toBeTruthy();
      await person.post(page, answers[page as keyof typeof answers]);
    }
  });

  it('sends someone who skips ahead back to the first question they have not answered', async () => {
    const response = await visitor(app).get('/setup/address');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/setup/organisation-type');
    const check = await visitor(app).get('/setup/check-your-answers');
    expect(check.headers.location).toBe('/setup/organisation-type');
  });

  it('re-shows a page with a wrong answer: the error summary, the inline error and what was typed', async () => {
    const person = visitor(app);
    await answerAll(person);
    await person.get('/setup/reference-number-and-phase');
    const response = await person.post('/setup/reference-number-and-phase', {
      'school.urn': '12345',
      'school.phase': 'primary',
    });
    expect(response.statusCode).toBe(400);
    const message = 'Enter the six-digit unique reference number (URN)';
    expect(response.body).toContain('<title>Error: Your school’s reference number and phase – Footprint</title>');
    expect(response.body).toContain('data-qa="error-summary"');
    expect(response.body).toContain(`<a href="#school-urn">${message}</a>`);
    expect(response.body).toMatch(
      /<p id="school-urn-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> Enter the six-digit/,
    );
    expect(response.body).toMatch(/id="school-urn" name="school.urn" type="text"[^>]*value="12345"/);
    expect(response.body).toMatch(/value="primary" checked/);
    // The answer kept is still the good one.
    const check = await person.get('/setup/check-your-answers');
    expect(check.body).toContain('123456');
  });

  it('says what to enter for each empty field, in the order of the page', async () => {
    const person = visitor(app);
    await answerAll(person);
    await person.get('/setup/address');
    const response = await person.post('/setup/address', {
      'school.address.line1': ' ',
      'school.address.town': '',
      'school.address.postcode': 'nowhere',
    });
    expect(response.statusCode).toBe(400);
    const links = [...response.body.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['school-address-line1', 'Enter the first line of the address'],
      ['school-address-town', 'Enter the town or city'],
      ['school-address-postcode', 'Enter a real postcode, such as OX7 6XQ'],
    ]);
    expect(response.body).toContain('value="nowhere"');
  });

  it('checks the school day ends after it starts, and radios must be chosen', async () => {
    const person = visitor(app);
    await answerAll(person);
    await person.get('/setup/contact-and-school-day');
    const day = await person.post('/setup/contact-and-school-day', {
      'school.contactEmail': 'office@stmarys.example.org',
      'school.day.starts': '15:00',
      'school.day.ends': '09:00',
    });
    expect(day.body).toContain('<a href="#school-day-ends">The school day must end after it starts</a>');
    const badStart = await person.post('/setup/contact-and-school-day', {
      'school.contactEmail': 'office@stmarys.example.org',
      'school.day.starts': '9',
      'school.day.ends': '8.00',
    });
    const links = [...badStart.body.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([['school-day-starts', 'Enter a time such as 08:45']]);
    const kind = await person.post('/setup/organisation-type', {});
    expect(kind.statusCode).toBe(400);
    expect(kind.body).toContain(
      '<a href="#organisation-kind">Select whether your school is part of a multi-academy trust or a local authority, or stands alone</a>',
    );
    expect(kind.body).toMatch(/class="govuk-radios__input" id="organisation-kind" name="organisation.kind"/);
  });

  it('refuses a form posted without its CSRF token', async () => {
    const person = visitor(app);
    await person.get('/setup/organisation-type');
    const response = await person.postWithoutToken('/setup/organisation-type', { 'organisation.kind': 'trust' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(person.jar.has('footprint-setup')).toBe(false);
  });

  it('keeps the answers in a signed, HttpOnly, SameSite=Strict cookie for /setup only', async () => {
    const person = visitor(app);
    const response = await person.answer('/setup/organisation-type', { 'organisation.kind': 'trust' });
    const cookie = response.cookies.find((candidate) => candidate.name === 'footprint-setup');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/setup' });
    const forged = Buffer.from(JSON.stringify({ organisation: { kind: 'standalone' } })).toString('base64url');
    const tampered = await app().inject({
      method: 'GET',
      url: '/setup/organisation-name',
      headers: { cookie: `footprint-setup=${forged}.${(cookie?.value ?? '').split('.')[1] ?? ''}` },
    });
    expect(tampered.headers.location).toBe('/setup/organisation-type');
  });

  it('shows every answer on the check page, with a "Change" link that comes back to it', async () => {
    const person = visitor(app);
    await answerAll(person);
    const check = await person.get('/setup/check-your-answers');
    expect(check.statusCode).toBe(200);
    for (const text of [
      'Part of a multi-academy trust',
      'Greenway Academies Trust',
      'St Mary’s C of E Primary School',
      '123456',
      'Primary',
      'st-marys-primary',
      '1 Church Lane<br>Oakfield<br>OX7 6XQ',
      'office@stmarys.example.org',
      '08:45 to 15:15',
      'Ada Okafor',
      'head@stmarys.example.org',
    ]) {
      expect(check.body).toContain(text);
    }
    expect(check.body).toContain('href="/setup/school-name?from=check"');
    const page = await person.get('/setup/school-name?from=check');
    expect(page.body).toContain('href="/setup/check-your-answers"');
    expect(page.body).toContain('action="/setup/school-name?from=check"');
    const changed = await person.post('/setup/school-name?from=check', { 'school.name': 'St Mary’s Primary' });
    expect(changed.headers.location).toBe('/setup/check-your-answers');
    expect((await person.get('/setup/check-your-answers')).body).toContain('St Mary’s Primary');
  });

  it('asks for the name of the local authority after a change from a school standing alone', async () => {
    const person = visitor(app);
    await answerAll(person);
    await person.get('/setup/organisation-type?from=check');
    const alone = await person.post('/setup/organisation-type?from=check', { 'organisation.kind': 'standalone' });
    expect(alone.headers.location).toBe('/setup/check-your-answers');
    const check = await person.get('/setup/check-your-answers');
    expect(check.body).toContain('Stands alone');
    expect(check.body).not.toContain('Greenway Academies Trust');
    const authority = await person.post('/setup/organisation-type?from=check', {
      'organisation.kind': 'local_authority',
    });
    expect(authority.headers.location).toBe('/setup/organisation-name?from=check');
    const page = await person.get('/setup/organisation-name?from=check');
    expect(heading(page)).toBe('What is the name of the local authority?');
    expect(page.body).not.toContain('Greenway Academies Trust');
  });

  it('suggests a web address made from the school’s name', async () => {
    const person = visitor(app);
    for (const page of pages.slice(0, 4)) await person.answer(page, answers[page as keyof typeof answers]);
    const page = await person.get('/setup/web-address');
    expect(page.body).toMatch(/name="school.slug" type="text"[^>]*value="st-marys-c-of-e-primary-school"/);
  });
});

describe('Completing the set-up', () => {
  const testApp = useTestApp(backends.pglite);
  const app = () => testApp().app;
  const services = () => createServices(testApp().adapters);

  it('creates the organisation and school, confirms it, and cannot run again', async () => {
    const person = visitor(app);
    await answerAll(person);
    await person.get('/setup/check-your-answers');
    const done = await person.post('/setup/check-your-answers', {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/setup/confirmation');
    expect(person.jar.has('footprint-setup')).toBe(false);

    expect(await services().community.schoolBySlug('st-marys-primary')).toMatchObject({
      name: 'St Mary’s C of E Primary School',
      urn: '123456',
      phase: 'primary',
      address: { line1: '1 Church Lane', town: 'Oakfield', postcode: 'OX7 6XQ' },
      contactEmail: 'office@stmarys.example.org',
      day: { starts: '08:45', ends: '15:15' },
    });

    const confirmation = await person.get('/setup/confirmation');
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain('govuk-panel--confirmation');
    expect(confirmation.body).toContain('Greenway Academies Trust, the multi-academy trust it is part of');
    expect(confirmation.body).toContain('Ada Okafor is the Headteacher');

    const start = await app().inject({ method: 'GET', url: '/' });
    expect(start.body).not.toContain('Set up Footprint for your school');
    expect(start.body).toContain('Your social media policy, working every day');

    for (const url of ['/setup', '/setup/organisation-type', '/setup/check-your-answers']) {
      const again = await visitor(app).get(url);
      expect(again.statusCode, url).toBe(200);
      expect(heading(again)).toBe('Footprint is already set up');
    }
    const replay = await person.post('/setup/check-your-answers', {});
    expect(replay.statusCode).toBe(409);
    expect(heading(replay)).toBe('Footprint is already set up');
  });
});

describe('Completing the set-up when the web address is taken', () => {
  const database = useTestDatabase(backends.pglite);
  let adapters: RunningAdapters | undefined;
  let app: FastifyInstance | undefined;

  // Set-up runs only while no school exists, so a taken address can only come from a race with
  // another set-up; the service stands in for that race.
  beforeAll(async () => {
    const { config } = database();
    adapters = await createAdapters(config, createLogger(config));
    await adapters.migrate();
    const services = createServices(adapters);
    const community = { ...services.community, setUp: () => Promise.reject(new AppError('school_exists')) };
    app = await buildApp({ ...services, community }, { config });
  });
  afterAll(async () => {
    await app?.close();
    await adapters?.close();
  });

  it('sends the person back to the web address page with the message on the field', async () => {
    const person = visitor(() => app ?? (undefined as never));
    await answerAll(person);
    await person.get('/setup/check-your-answers');
    const response = await person.post('/setup/check-your-answers', {});
    expect(response.statusCode).toBe(409);
    expect(heading(response)).toBe('Choose the web address for your school’s public pages');
    const message = new AppError('school_exists').message;
    expect(response.body).toContain(`<a href="#school-slug">${message}</a>`);
    expect(response.body).toMatch(/class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span>/);
    expect(response.body).toMatch(/value="st-marys-primary"/);
    expect(response.body).toContain('action="/setup/web-address?from=check"');
    const fixed = await person.post('/setup/web-address?from=check', { 'school.slug': 'st-marys-oakfield' });
    expect(fixed.headers.location).toBe('/setup/check-your-answers');
  });
});
