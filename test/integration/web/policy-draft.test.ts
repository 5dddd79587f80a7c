// Editing the school's draft policy through the real pages, on each database: the contents, a
// rule changed and saved, bad changes refused with everything typed kept, sections, exceptions,
// consequences and procedures, the YAML file out and back in, the preview and its question, and
// who may do it.
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'yaml';
import { beforeAll, expect, it } from 'vitest';
import { evaluate } from '../../../src/domain/policy/index.ts';
import type { Policy } from '../../../src/domain/policy/schema.ts';
import type { Situation } from '../../../src/domain/policy/situation.ts';
import type { Viewer } from '../../../src/services/access.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import type { Browser } from '../../support/browser.ts';
import { aPersonWithAccount, aSchool, signIn } from '../../support/community.ts';
import { useTestApp } from '../../support/fixtures.ts';
import { fileField, withFormsOfEveryKind } from '../../support/forms.ts';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
const attributesOf = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decode(m[2] ?? '')]));

/** What the form posting to `action` would send as it stands on the page: each name with its values. */
function formOf(html: string, action: string): Map<string, string[]> {
  const start = html.indexOf(`action="${action}"`);
  if (start === -1) throw new Error(`No form posts to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields = new Map<string, string[]>();
  const add = (name: string | undefined, value: string) => {
    if (name && name !== '_csrf') fields.set(name, [...(fields.get(name) ?? []), value]);
  };
  for (const [, tag] of form.matchAll(/<input\b([^>]*)>/g)) {
    const a = attributesOf(tag!);
    if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
    if (a.type !== 'file') add(a.name, a.value ?? '');
  }
  for (const [, tag, text] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g))
    add(attributesOf(tag!).name, decode(text!));
  for (const [, tag, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const chosen = [...options!.matchAll(/<option\b([^>]*)>/g)]
      .map((o) => attributesOf(o[1]!))
      .find((o) => 'selected' in o);
    add(attributesOf(tag!).name, chosen?.value ?? '');
  }
  return fields;
}

const boxNames = [
  'audience',
  'acts',
  'otherRoles',
  'actorRoles',
  'relationships',
  'labels',
  'about',
  'channels',
  'facts',
  'requires',
  'breachOf',
];

/** The fields as the test browser posts them: ticked boxes as `name[]`, none ticked as nothing sent. */
function asPosted(fields: Map<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    [...fields]
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) =>
        values.length === 1 && !boxNames.includes(name) ? [name, values[0]!] : [`${name}[]`, values.join(',')],
      ),
  );
}

const heading = (body: string) => /data-qa="page-heading">([^<]+)</.exec(body)?.[1]?.trim();
const title = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1]?.trim() ?? '';
const fieldError = (body: string, id: string) =>
  decode(
    new RegExp(`id="${id}-error"[^>]*>\\s*<span class="govuk-visually-hidden">Error:</span>([^<]*)<`)
      .exec(body)?.[1]
      ?.trim() ?? '',
  );
const summaryErrors = (body: string) =>
  [...(/data-qa="error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '').matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(
    (m) => ({ href: decode(m[1]!), text: decode(m[2]!.trim()) }),
  );

describeEachBackend('Editing the draft policy', (backend) => {
  const testApp = useTestApp(backend);
  const app = () => testApp().app;
  const formsApp = withFormsOfEveryKind(app);
  let head: Viewer;
  let headBrowser: Browser;
  let teacherBrowser: Browser;
  let governorBrowser: Browser;
  let versionId: string;

  const services = () => createServices(testApp().adapters);
  const draft = async (): Promise<Policy> => (await services().schoolPolicy.overview(head)).inHand!.document;
  const rule = async (id: string) => (await draft()).rules.find((r) => r.id === id)!;

  /** Opens the form page, changes the fields given, and posts it as the browser would. */
  async function change(page: string, action: string, changes: Record<string, string | string[]>) {
    const opened = await headBrowser.get(page);
    expect(opened.statusCode, page).toBe(200);
    const fields = formOf(opened.body, action);
    for (const [name, value] of Object.entries(changes)) fields.set(name, [value].flat());
    return { sent: fields, response: await headBrowser.post(action, asPosted(fields)) };
  }

  beforeAll(async () => {
    const adapters = testApp().adapters;
    const school = await aSchool(adapters, 'oakfield', '300001');
    const headAccount = await aPersonWithAccount(
      adapters,
      school.id,
      {
        givenName: 'Ada',
        familyName: 'Okafor',
        email: 'head@oakfield.example',
        roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }],
      },
      { authenticator: true },
    );
    const teacher = await aPersonWithAccount(adapters, school.id, {
      givenName: 'Tom',
      familyName: 'Teacher',
      email: 'tom@oakfield.example',
      roles: [{ role: 'staff', jobTitle: 'Year 3 teacher', duties: ['teacher'] }],
    });
    const governor = await aPersonWithAccount(adapters, school.id, {
      givenName: 'Gill',
      familyName: 'Governor',
      email: 'gill@oakfield.example',
      roles: [{ role: 'governor', duties: ['member'] }],
    });
    head = (await services().access.viewer(school.id, headAccount.accountId))!;
    versionId = (await services().schoolPolicy.adopt(head, 'model')).id;
    headBrowser = await signIn(formsApp, headAccount);
    teacherBrowser = await signIn(formsApp, teacher);
    governorBrowser = await signIn(formsApp, governor);
  });

  it('lists the draft’s details, sections, rules and procedures, and what is left to fix', async () => {
    const page = await headBrowser.get('/policy/draft');
    expect(page.statusCode).toBe(200);
    expect(heading(page.body)).toBe('Change the draft policy');
    const policy = await draft();
    for (const section of policy.sections) expect(page.body).toContain(`href="/policy/draft/sections/${section.id}"`);
    for (const r of policy.rules) expect(page.body).toContain(`href="/policy/draft/rules/${r.id}"`);
    for (const p of policy.procedures) expect(page.body).toContain(`href="/policy/draft/procedures/${p.id}"`);
    // The model's placeholders for who reviews and approves the policy are still to be replaced.
    expect(page.body).toContain('This draft has 2 problems to fix before it can be sent to the governors');
    expect(page.body).toContain('href="/policy/draft/details#reviewedBy"');
    expect(page.body).toContain('href="/policy'); // back to the overview
  });

  it('saves a rule’s new wording and modality', async () => {
    const { response } = await change('/policy/draft/rules/A3', '/policy/draft/rules/A3', {
      summary: 'Be kind online: nothing rude or insulting about anyone at Oakfield.',
      modality: 'should_not',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/policy/draft?saved=rule&id=A3');
    const saved = await rule('A3');
    expect(saved.summary).toBe('Be kind online: nothing rude or insulting about anyone at Oakfield.');
    expect(saved.modality).toBe('should_not');
    // Everything the form did not change is as it was.
    expect(saved.when).toEqual({ act: ['post', 'message'], 'content.labels': ['offensive'] });
    const contents = await headBrowser.get('/policy/draft?saved=rule&id=A3');
    expect(contents.body).toContain('Rule A3 has been saved.');
    expect(contents.body).toContain('Be kind online: nothing rude or insulting about anyone at Oakfield.');
  });

  it('refuses an empty summary, says so at the top and beside the field, and keeps what was typed', async () => {
    const before = await rule('A4');
    const { sent, response } = await change('/policy/draft/rules/A4', '/policy/draft/rules/A4', {
      summary: '   ',
      modality: 'may',
      audience: ['staff', 'pupil'],
      note: 'Typed before the mistake',
    });
    expect(response.statusCode).toBe(400);
    expect(title(response.body)).toMatch(/^Error: Change rule A4/);
    expect(summaryErrors(response.body)).toEqual([
      { href: '#summary', text: 'Enter the rule in your school’s own words' },
    ]);
    expect(fieldError(response.body, 'summary')).toBe('Enter the rule in your school’s own words');
    const kept = formOf(response.body, '/policy/draft/rules/A4');
    expect(kept).toEqual(sent);
    expect(await rule('A4')).toEqual(before);
  });

  it('refuses a consequence with an owner Footprint does not know, beside its row', async () => {
    const before = await rule('A4');
    const { sent, response } = await change('/policy/draft/rules/A4', '/policy/draft/rules/A4', {
      'step-0-action': 'notify_dsl',
      'step-0-owner': 'caretaker',
    });
    expect(response.statusCode).toBe(400);
    expect(title(response.body)).toMatch(/^Error: Change rule A4/);
    expect(fieldError(response.body, 'step-0-owner')).toBe('Choose who does step 1');
    expect(summaryErrors(response.body)).toEqual([{ href: '#step-0-owner', text: 'Choose who does step 1' }]);
    expect(formOf(response.body, '/policy/draft/rules/A4')).toEqual(
      new Map([...sent].map(([name, values]) => [name, name === 'step-0-owner' ? [''] : values])),
    );
    expect(await rule('A4')).toEqual(before);
  });

  it('adds, changes and removes a consequence through its row', async () => {
    const page = '/policy/draft/rules/B2';
    const before = (await rule('B2')).consequences;
    const row = before.length;
    const added = await change(page, page, {
      [`step-${row}-action`]: 'notify_headteacher',
      [`step-${row}-owner`]: 'dsl',
      [`step-${row}-deadlineAmount`]: '2',
      [`step-${row}-deadlineUnit`]: 'days',
    });
    expect(added.response.statusCode).toBe(303);
    expect((await rule('B2')).consequences).toEqual([
      ...before,
      { action: 'notify_headteacher', owner: 'dsl', optional: false, deadline: 'P2D' },
    ]);
    const changed = await change(page, page, { [`step-${row}-optional`]: 'yes', [`step-${row}-deadlineAmount`]: '' });
    expect(changed.response.statusCode).toBe(303);
    expect((await rule('B2')).consequences.at(-1)).toEqual({
      action: 'notify_headteacher',
      owner: 'dsl',
      optional: true,
    });
    const removed = await change(page, page, { [`step-${row}-remove`]: 'yes' });
    expect(removed.response.statusCode).toBe(303);
    expect((await rule('B2')).consequences).toEqual(before);
  });

  it('removes an exception, adds one for a declared family member, and the engine’s answer follows', async () => {
    const followsOwnChild: Situation = {
      actor: { role: 'staff' },
      act: 'follow',
      counterpart: { role: 'pupil', relationship: 'family', declared: true, approved: true },
    };
    const rulePage = await headBrowser.get('/policy/draft/rules/B2');
    expect(rulePage.body).toContain('href="/policy/draft/rules/B2/exceptions/approved-family-link"');
    expect(rulePage.body).toContain('href="/policy/draft/rules/B2/exceptions/new"');
    expect(evaluate(await draft(), followsOwnChild).verdict).toBe('permitted');

    const exceptionPage = '/policy/draft/rules/B2/exceptions/approved-family-link';
    const opened = await headBrowser.get(exceptionPage);
    expect(formOf(opened.body, exceptionPage).get('relationships')).toEqual(['family']);
    expect(formOf(opened.body, exceptionPage).get('requires')).toEqual([
      'relationship_declared',
      'relationship_approved',
    ]);
    const removed = await headBrowser.post(`${exceptionPage}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(
      '/policy/draft/rules/B2?saved=exception-removed&id=approved-family-link#exceptions',
    );
    expect((await rule('B2')).unless).toEqual([]);
    expect(evaluate(await draft(), followsOwnChild).verdict).toBe('breach');
    expect(
      (await headBrowser.get('/policy/draft/rules/B2?saved=exception-removed&id=approved-family-link')).body,
    ).toContain('Exception approved-family-link has been removed.');

    const added = await change('/policy/draft/rules/B2/exceptions/new', '/policy/draft/rules/B2/exceptions/new', {
      id: 'declared-family',
      summary: 'Your own child or a relative, once you have declared the link.',
      relationships: ['family'],
      requires: ['relationship_declared'],
    });
    expect(added.response.statusCode).toBe(303);
    expect((await rule('B2')).unless).toEqual([
      {
        id: 'declared-family',
        summary: 'Your own child or a relative, once you have declared the link.',
        when: { 'counterpart.relationship': 'family' },
        requires: ['relationship_declared'],
      },
    ]);
    expect(evaluate(await draft(), followsOwnChild).verdict).toBe('permitted');

    // Changed to friends only: the family member is no longer excepted.
    const page = '/policy/draft/rules/B2/exceptions/declared-family';
    const changed = await change(page, page, { relationships: ['friend'] });
    expect(changed.response.statusCode).toBe(303);
    expect((await rule('B2')).unless[0]!.when).toEqual({ 'counterpart.relationship': 'friend' });
    expect(evaluate(await draft(), followsOwnChild).verdict).toBe('breach');
  });

  it('refuses an exception with no words and a mistake in its YAML, keeping what was typed', async () => {
    const before = await rule('B5');
    const page = '/policy/draft/rules/B5/exceptions/new';
    const { sent, response } = await change(page, page, {
      id: 'neighbours',
      summary: '',
      otherRoles: ['parent'],
      facts: ['context.outsideSchool'],
      platforms: 'WhatsApp',
      conditions: 'counterpart.age: {under: 18}\n',
    });
    expect(response.statusCode).toBe(400);
    expect(title(response.body)).toBe('Error: Add an exception to rule B5 – Footprint');
    expect(fieldError(response.body, 'summary')).toBe('Enter the exception in your school’s own words');
    expect(fieldError(response.body, 'conditions')).toMatch(
      /^In the YAML, at counterpart.age, under: "under" is not a test/,
    );
    expect(summaryErrors(response.body).map((e) => e.href)).toEqual(['#summary', '#conditions']);
    expect(formOf(response.body, page)).toEqual(sent);
    expect(await rule('B5')).toEqual(before);
    expect((await headBrowser.get('/policy/draft/rules/B5/exceptions/nothing-here')).statusCode).toBe(404);
  });

  it('adds a procedure started by a rule, then removes it after asking', async () => {
    const page = '/policy/draft/procedures/new';
    const refused = await change(page, page, { id: 'P-CLUBS', title: 'A concern about a club leader' });
    expect(refused.response.statusCode).toBe(400);
    expect(fieldError(refused.response.body, 'breachOf')).toMatch(
      /^Select the rules whose breach starts this procedure/,
    );
    expect(formOf(refused.response.body, page)).toEqual(refused.sent);

    const added = await change(page, page, {
      id: 'P-CLUBS',
      title: 'A concern about a club leader',
      section: 'J',
      breachOf: ['D1', 'D2'],
      'step-0-action': 'notify_headteacher',
      'step-0-owner': 'staff',
      'step-0-deadlineAmount': '1',
      'step-0-deadlineUnit': 'days',
    });
    expect(added.response.statusCode).toBe(303);
    expect(added.response.headers.location).toBe('/policy/draft?saved=procedure&id=P-CLUBS');
    expect((await draft()).procedures.find((p) => p.id === 'P-CLUBS')).toEqual({
      id: 'P-CLUBS',
      title: 'A concern about a club leader',
      section: 'J',
      trigger: { breachOf: ['D1', 'D2'] },
      steps: [{ action: 'notify_headteacher', owner: 'staff', optional: false, deadline: 'P1D' }],
    });
    expect((await headBrowser.get('/policy/draft')).body).toContain('href="/policy/draft/procedures/P-CLUBS"');

    const asked = await headBrowser.get('/policy/draft/procedures/P-CLUBS/remove');
    expect(asked.statusCode).toBe(200);
    expect(heading(asked.body)).toBe('Remove procedure P-CLUBS?');
    // Without the confirmation page's answer, nothing is removed.
    const unasked = await headBrowser.post('/policy/draft/procedures/P-CLUBS/remove', {});
    expect(unasked.headers.location).toBe('/policy/draft/procedures/P-CLUBS/remove');
    expect((await draft()).procedures.some((p) => p.id === 'P-CLUBS')).toBe(true);
    const removed = await headBrowser.post(
      '/policy/draft/procedures/P-CLUBS/remove',
      asPosted(formOf(asked.body, '/policy/draft/procedures/P-CLUBS/remove')),
    );
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/policy/draft?saved=procedure-removed&id=P-CLUBS');
    expect((await draft()).procedures.some((p) => p.id === 'P-CLUBS')).toBe(false);
  });

  it('builds the condition from the boxes ticked', async () => {
    const { response } = await change('/policy/draft/rules/B1', '/policy/draft/rules/B1', {
      acts: ['message', 'friend_request_accept'],
      otherRoles: ['pupil'],
    });
    expect(response.statusCode).toBe(303);
    expect((await rule('B1')).when).toMatchObject({
      act: ['friend_request_accept', 'message'],
      'counterpart.role': 'pupil',
    });
  });

  it('will not remove a rule a procedure starts from, and removes one nothing needs', async () => {
    const refused = await headBrowser.post('/policy/draft/rules/E4/remove', {});
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused.body, 'remove')).toMatch(
      /^Rule E4 cannot be removed: the procedure “.*” \(P-PUPIL-REQUEST\) starts when it is broken/,
    );
    expect(await rule('E4')).toBeDefined();

    const added = await change('/policy/draft/rules/new?section=A', '/policy/draft/rules/new', {
      id: 'A50',
      topic: 'respectful-conduct',
      audience: ['parent'],
      modality: 'should',
      summary: 'Parents should thank the staff who run clubs.',
    });
    expect(added.response.statusCode).toBe(303);
    expect(await rule('A50')).toMatchObject({ section: 'A', modality: 'should', audience: ['parent'] });
    const removed = await headBrowser.post('/policy/draft/rules/A50/remove', {});
    expect(removed.statusCode).toBe(303);
    expect(await rule('A50')).toBeUndefined();
  });

  it('adds, changes and removes a section, but not one that still has rules', async () => {
    const added = await change('/policy/draft/sections/new', '/policy/draft/sections/new', {
      id: 'Z',
      heading: 'Clubs',
    });
    expect(added.response.statusCode).toBe(303);
    const changed = await change('/policy/draft/sections/Z', '/policy/draft/sections/Z', {
      heading: 'After-school clubs',
    });
    expect(changed.response.statusCode).toBe(303);
    expect((await draft()).sections.at(-1)).toEqual({ id: 'Z', heading: 'After-school clubs' });
    const blank = await change('/policy/draft/sections/Z', '/policy/draft/sections/Z', { heading: '' });
    expect(blank.response.statusCode).toBe(400);
    expect(fieldError(blank.response.body, 'heading')).toBe('Enter the section’s heading');
    expect((await headBrowser.post('/policy/draft/sections/Z/remove', {})).statusCode).toBe(303);
    expect((await draft()).sections.some((s) => s.id === 'Z')).toBe(false);
    const refused = await headBrowser.post('/policy/draft/sections/A/remove', {});
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused.body, 'remove')).toMatch(/^Section A still has rules A1, A2/);
  });

  it('changes the details, and the problems left to fix go down', async () => {
    const { response } = await change('/policy/draft/details', '/policy/draft/details', {
      reviewedBy: 'Standards committee',
      linkedPolicies: 'Behaviour Policy\nOnline Safety Policy',
    });
    expect(response.statusCode).toBe(303);
    expect(await draft()).toMatchObject({
      reviewedBy: 'Standards committee',
      linkedPolicies: ['Behaviour Policy', 'Online Safety Policy'],
    });
    expect((await headBrowser.get('/policy/draft')).body).toContain('This draft has 1 problem to fix');
  });

  it('changes a procedure’s steps, and says which step needs what', async () => {
    const page = '/policy/draft/procedures/P-PUPIL-REQUEST';
    const bad = await change(page, page, { 'step-1-owner': '', 'step-4-action': 'contact_posh' });
    expect(bad.response.statusCode).toBe(400);
    expect(fieldError(bad.response.body, 'step-1-owner')).toBe('Choose who does step 2');
    expect(fieldError(bad.response.body, 'step-4-owner')).toBe('Choose who does step 5');
    expect(formOf(bad.response.body, page)).toEqual(bad.sent);
    const good = await change(page, page, {
      'step-4-action': 'contact_posh',
      'step-4-owner': 'dsl',
      'step-4-deadlineAmount': '2',
      'step-4-deadlineUnit': 'days',
      'step-0-remove': 'yes',
    });
    expect(good.response.statusCode).toBe(303);
    const steps = (await draft()).procedures.find((p) => p.id === 'P-PUPIL-REQUEST')!.steps;
    expect(steps.map((s) => s.action)).toEqual([
      'notify_dsl',
      'record_safeguarding_concern',
      'notify_parents_of_pupil',
      'contact_posh',
    ]);
    expect(steps.at(-1)).toEqual({ action: 'contact_posh', owner: 'dsl', optional: false, deadline: 'P2D' });
  });

  it('downloads the draft as YAML and imports it back unchanged', async () => {
    const before = await draft();
    const file = await headBrowser.get('/policy/draft.yaml');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/yaml/);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="oakfield-policy-1.0-draft.yaml"$/);
    expect(parse(file.body)).toMatchObject({ title: before.title, rules: expect.any(Array) });
    await headBrowser.get('/policy/draft/import');
    const imported = await headBrowser.post('/policy/draft/import', {
      [fileField]: file.body,
      fileName: 'policy.yaml',
      yaml: '',
    });
    expect(imported.statusCode).toBe(303);
    expect(await draft()).toEqual(before);

    // Edited outside Footprint, pasted back.
    const edited = file.body.replace('title: Social Media Policy', 'title: Oakfield Social Media Policy');
    await headBrowser.get('/policy/draft/import');
    const pasted = await headBrowser.post('/policy/draft/import', { [fileField]: '', yaml: edited });
    expect(pasted.statusCode).toBe(303);
    expect((await draft()).title).toMatch(/^Oakfield Social Media Policy/);
  });

  it('refuses a file with mistakes, saving nothing and listing each with its line', async () => {
    const before = await draft();
    const file = (await headBrowser.get('/policy/draft.yaml')).body;
    const lines = file.split('\n');
    const at = lines.findIndex((line) => line.trim() === 'modality: must_not');
    lines[at] = lines[at]!.replace('must_not', 'mustnt');
    await headBrowser.get('/policy/draft/import');
    const refused = await headBrowser.post('/policy/draft/import', {
      [fileField]: lines.join('\n'),
      fileName: 'mine.yaml',
      yaml: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(title(refused.body)).toMatch(/^Error: /);
    const problems = [...refused.body.matchAll(/data-qa="import-problem">\s*<strong>([^<]*)<\/strong>/g)].map(
      (m) => m[1],
    );
    expect(problems).toEqual([`Line ${at + 1}`]);
    expect(refused.body).toContain('mine.yaml');
    expect(await draft()).toEqual(before);

    const broken = await headBrowser.post('/policy/draft/import', {
      [fileField]: '',
      yaml: 'title: [unclosed\nrules: 3\n',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toMatch(/data-qa="import-problem">\s*<strong>Line \d+<\/strong>/);
    // What was pasted is still there to correct.
    expect(formOf(broken.body, '/policy/draft/import').get('yaml')).toEqual(['title: [unclosed\nrules: 3\n']);
  });

  it('previews the document and answers a question from the draft as it stands', async () => {
    const preview = await headBrowser.get('/policy/draft/preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Be kind online: nothing rude or insulting about anyone at Oakfield.');
    const question = '/policy/draft/preview?role=parent&act=post&otherRole=&otherAge=&labels=illegal';
    const before = await headBrowser.get(question);
    expect(/data-qa="verdict">([^<]*)</.exec(before.body)?.[1]).toBe('Not allowed');
    expect(before.body).toContain('data-qa="finding-A2"');

    const { response } = await change('/policy/draft/rules/A2', '/policy/draft/rules/A2', { modality: 'may' });
    expect(response.statusCode).toBe(303);
    const after = await headBrowser.get(question);
    expect(/data-qa="verdict">([^<]*)</.exec(after.body)?.[1]).toBe('Allowed');

    const unclear = await headBrowser.get('/policy/draft/preview?role=parent&act=&otherAge=ten');
    expect(unclear.statusCode).toBe(400);
    expect(summaryErrors(unclear.body).map((e) => e.href)).toEqual(['#act', '#otherAge']);
  });

  it('is for the Headteacher only: a teacher and a governor are turned away', async () => {
    for (const browser of [teacherBrowser, governorBrowser]) {
      for (const url of ['/policy/draft', '/policy/draft/rules/A2', '/policy/draft/preview', '/policy/draft.yaml']) {
        const response: LightMyRequestResponse = await browser.get(url);
        expect(response.statusCode, url).toBe(403);
      }
      await browser.get('/account');
      expect((await browser.post('/policy/draft/rules/A2', { summary: 'x' })).statusCode).toBe(403);
    }
  });

  it('cannot be changed once it is with the governors', async () => {
    const before = await draft();
    const form = formOf((await headBrowser.get('/policy/draft/rules/A2')).body, '/policy/draft/rules/A2');
    await services().schoolPolicy.sendForRatification(head, versionId, 'First version for Oakfield');
    const contents = await headBrowser.get('/policy/draft');
    expect(heading(contents.body)).toBe('The draft is with the governors');
    expect(contents.body).toContain('href="/policy"');
    const post = await headBrowser.post(
      '/policy/draft/rules/A2',
      asPosted(new Map([...form, ['summary', ['Too late']]])),
    );
    expect(post.statusCode).toBe(409);
    expect(heading(post.body)).toBe('The draft is with the governors');
    expect(await draft()).toEqual(before);
    expect((await headBrowser.get('/policy/draft/rules/NOPE')).statusCode).toBe(404);
  });
});
