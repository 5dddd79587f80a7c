// The school's wording of its letters to parents, through its pages and its service: the
// Headteacher changes a letter and the change is audited; wording with a placeholder Footprint
// cannot fill is refused and nothing is saved; each school sees only its own wording; a school
// that changed nothing uses the standard wording; and a printed letter carries the school's words.
import { beforeAll, expect, it } from 'vitest';
import type { School } from '../../../src/domain/community/school.ts';
import { standardLetters } from '../../../src/domain/incidents/letters.ts';
import type { Viewer } from '../../../src/services/access.ts';
import { createServices, type Services } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import type { Browser } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { aPolicyTeam } from '../../support/policy.ts';
import { asOneLine, pagesOf } from '../../unit/pdf/pdf-text.ts';

const ownWording = `Dear {{recipientName}},

At Rowan we ask every family to keep the school off social media. The post on {{whereSeen}} must come down today.

Our reference is {{reference}}.`;

describeEachBackend('Letters to parents', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  let services: Services;
  let rowan: School;
  let elm: School;
  let head: Browser;
  let teacher: Browser;
  let rowanHead: Viewer;
  let elmHead: Viewer;

  beforeAll(async () => {
    const adapters = testApp().adapters;
    services = createServices(adapters);
    rowan = await aSchool(adapters, 'rowan', '710001');
    elm = await aSchool(adapters, 'elm', '710002');
    const rowanTeam = await aPolicyTeam(adapters, rowan, { authenticator: true });
    rowanHead = rowanTeam.head;
    elmHead = (await aPolicyTeam(adapters, elm)).head;
    const teacherAccount = await aPersonWithAccount(adapters, rowan.id, {
      givenName: 'Tess',
      familyName: 'Teacher',
      email: 'tess@rowan.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    head = await signIn(app, rowanTeam.headAccount);
    teacher = await signIn(app, teacherAccount);
  });

  it('lists the three letters from the home page, for the Headteacher only', async () => {
    const home = await head.get('/home');
    expect(home.body).toContain('href="/incidents/letters"');
    const list = await head.get('/incidents/letters');
    expect(list.statusCode).toBe(200);
    for (const kind of ['request_removal', 'complaints_procedure', 'meeting_invitation']) {
      expect(list.body).toContain(`href="/incidents/letters/${kind}"`);
    }
    expect(list.body).toContain('The standard wording');
    expect((await teacher.get('/home')).body).not.toContain('href="/incidents/letters"');
    expect((await teacher.get('/incidents/letters')).statusCode).toBe(403);
    expect((await head.get('/incidents/letters/not_a_letter')).statusCode).toBe(404);
  });

  it('shows the placeholders and a preview with made-up values', async () => {
    const form = await head.get('/incidents/letters/meeting_invitation');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('{{meetingWhen}}');
    expect(form.body).toContain('The day, time and place of the meeting');
    expect(form.body).toContain('Tuesday 1 December 2026 at 3.30pm, in the school office');
    expect(form.body).toContain('a meeting at Rowan Primary on');
    // The other letters have no meeting to name.
    expect((await head.get('/incidents/letters/request_removal')).body).not.toContain('{{meetingWhen}}');
  });

  it('previews typed wording without saving it', async () => {
    await head.get('/incidents/letters/request_removal');
    const preview = await head.post('/incidents/letters/request_removal', {
      action: 'preview',
      title: 'Please take it down',
      body: 'Dear {{recipientName}}, about {{whereSeen}}.',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Dear Mrs Sample, about a public Facebook group for local parents.');
    expect((await services.letters.template(rowanHead, 'request_removal'))!.edited).toBe(false);
  });

  it('refuses an unknown placeholder with a message, keeps what was typed, and saves nothing', async () => {
    await head.get('/incidents/letters/request_removal');
    const refused = await head.post('/incidents/letters/request_removal', {
      action: 'save',
      title: 'Please take it down',
      body: 'Dear {{parentName}}, please remove it.',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/<title>Error: /);
    expect(refused.body).toContain('href="#body"');
    expect(refused.body).toContain('id="body-error"');
    expect(refused.body).toContain('Change or remove {{parentName}}: it is not a placeholder Footprint can fill');
    expect(refused.body).toContain('Dear {{parentName}}, please remove it.</textarea>');
    const template = await services.letters.template(rowanHead, 'request_removal');
    expect(template).toMatchObject({ edited: false, ...standardLetters.request_removal });
    const unclosed = await services.letters.saveTemplate(rowanHead, 'request_removal', {
      title: 'About {{reference',
      body: 'Dear {{recipientName}}',
    });
    expect(unclosed).toEqual({
      ok: false,
      errors: { title: 'In the title: Close the placeholder that starts “{{reference” with “}}”, or remove its “{{”' },
    });
    expect((await services.letters.template(rowanHead, 'request_removal'))!.edited).toBe(false);
  });

  it('saves the school’s wording, audits it, and shows it to that school only', async () => {
    await head.get('/incidents/letters/request_removal');
    const saved = await head.post('/incidents/letters/request_removal', {
      action: 'save',
      title: 'Please remove your post',
      body: ownWording,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/incidents/letters/request_removal?saved=1');
    const page = await head.get(saved.headers.location!);
    expect(page.body).toContain('Your wording is saved');
    expect(page.body).toContain('At Rowan we ask every family');
    expect((await head.get('/incidents/letters')).body).toContain('Your school’s wording, changed on');

    const entries = await testApp().adapters.units.inSchool(rowan.id, (store) =>
      store.audit.list({ action: 'letter_template_changed', limit: 10, offset: 0 }),
    );
    expect(entries.items).toHaveLength(1);
    expect(entries.items[0]).toMatchObject({
      actorPersonId: rowanHead.person.id,
      subject: { kind: 'letter_template', id: 'request_removal' },
      details: { change: 'saved' },
    });

    // Elm changed nothing: it still uses the standard wording, and never sees Rowan's.
    const elms = await services.letters.templates(elmHead);
    expect(elms.map((t) => t.edited)).toEqual([false, false, false]);
    expect(elms[0]).toMatchObject(standardLetters.request_removal);
    expect(await testApp().adapters.units.inSchool(elm.id, (store) => store.letterTemplates.list())).toEqual([]);
    const elmDraft = await services.letters.draftLetter(elm.id, 'request_removal', { recipientName: 'Mr Oak' });
    expect(elmDraft.body).not.toContain('At Rowan');
    expect(elmDraft.title).toBe(standardLetters.request_removal.title);
  });

  it('fills the school’s letter from the case, asking for what is missing before printing', async () => {
    const draft = await services.letters.draftLetter(rowan.id, 'request_removal', { recipientName: 'Mrs Birch' });
    expect(draft.title).toBe('Please remove your post');
    expect(draft.missing).toEqual(['whereSeen', 'reference']);
    expect(draft.body).toContain('Dear Mrs Birch,');
    expect(draft.body).not.toContain('{{');
    const notYet = await services.letters.letterPdf(rowan.id, {
      kind: 'request_removal',
      values: { recipientName: 'Mrs Birch' },
    });
    expect(notYet).toEqual({ ok: false, missing: ['whereSeen', 'reference'] });
    // The meeting invitation (still the standard one) needs its meeting's time.
    const meeting = await services.letters.draftLetter(rowan.id, 'meeting_invitation', {
      recipientName: 'Mrs Birch',
      reference: 'R-AAAA-CCCC',
    });
    expect(meeting.missing).toEqual(['meetingWhen']);
  });

  it('prints the letter with the school’s own wording, name and Headteacher', async () => {
    const printed = await services.letters.letterPdf(rowan.id, {
      kind: 'request_removal',
      values: { recipientName: 'Mrs Birch', whereSeen: 'Instagram', reference: 'R-AC3D-7KLM' },
      recipientAddress: ['7 Birch Road', 'Exampleton'],
    });
    if (!printed.ok) throw new Error(`missing ${printed.missing.join(', ')}`);
    const text = asOneLine(await pagesOf(printed.pdf));
    expect(text).toContain('Rowan Primary');
    expect(text).toContain('1 School Lane');
    expect(text).toContain('Mrs Birch');
    expect(text).toContain('Please remove your post');
    expect(text).toContain('At Rowan we ask every family to keep the school off social media.');
    expect(text).toContain('The post on Instagram must come down today.');
    expect(text).toContain('Hal Head');
    expect(text).not.toContain('{{');
  });

  it('goes back to the standard wording, and audits that too', async () => {
    await head.get('/incidents/letters/request_removal');
    const reset = await head.post('/incidents/letters/request_removal/standard', {});
    expect(reset.statusCode).toBe(303);
    const page = await head.get(reset.headers.location!);
    expect(page.body).toContain('This letter now uses the standard wording');
    expect(page.body).not.toContain('At Rowan we ask');
    expect((await services.letters.template(rowanHead, 'request_removal'))!.edited).toBe(false);
    const entries = await testApp().adapters.units.inSchool(rowan.id, (store) =>
      store.audit.list({ action: 'letter_template_changed', limit: 10, offset: 0 }),
    );
    expect(entries.items.map((entry) => entry.details.change)).toEqual(['standard_wording', 'saved']);
  });
});
