// The Headteacher changes the wording of a rule of the school's draft policy, walked as on a
// small phone with JavaScript off: the draft's contents, a rule changed and saved, a mistake
// refused with everything typed kept, then the preview with the new wording and a question
// answered from the draft. Footprint runs in this process, so that the draft can be adopted
// through the services on the same database once the school is set up.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { backends, type TestDatabase } from '../support/backends.ts';
import { browserAvailable } from '../support/environment.ts';
import { createServices } from '../../src/wiring.ts';
import { clickThrough } from './pages/footprint-page.ts';
import { DraftContentsPage, DraftFormPage, PreviewPage, RulePage } from './pages/policy-draft-pages.ts';
import { setUpOakfield } from './pages/set-up-walk.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';

const headEmail = 'head@oakfield.example.org';
const password = 'harbour lantern meadow';
const newWording = 'At Oakfield we are kind online: never post or send anything rude or insulting about anyone.';

describe.runIf(browserAvailable())('Editing the draft policy in a browser', () => {
  let database: TestDatabase | undefined;
  let running: TestApp | undefined;
  let baseUrl = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    database = await backends.pglite.open();
    running = await startTestApp(database);
    baseUrl = await running.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await database?.destroy();
  });

  it('changes a rule’s wording, is told of an empty one without losing anything, and previews the result', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await setUpOakfield(page, baseUrl, { headEmail, password });

    // The school starts its policy from the model (the button for it is on the policy overview).
    const { units } = running!.adapters;
    const services = createServices(running!.adapters);
    const school = (await units.acrossSchools((store) => store.schools.findBySlug('oakfield-primary')))!;
    const { account } = (await units.acrossSchools((store) => store.accounts.findByEmail(headEmail)))!;
    await services.schoolPolicy.adopt((await services.access.viewer(school.id, account.id))!, 'model');

    await page.goto(`${baseUrl}/policy/draft`);
    let contents = await DraftContentsPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await contents.problems.textContent()).toContain('This draft has 2 problems to fix');

    await contents.openRule('A3');
    let rule = await RulePage.verifyOnPage(page, 'A3');
    await expectAccessible(page);
    await rule.fill({ 'The rule in your school’s words': newWording });
    await rule.continue();
    contents = await DraftContentsPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await contents.saved.textContent()).toContain('Rule A3 has been saved.');
    expect(await contents.ruleSummary('A3').textContent()).toBe(newWording);

    await contents.openRule('A3');
    rule = await RulePage.verifyOnPage(page, 'A3');
    await rule.fill({ 'The rule in your school’s words': '', 'Note (optional)': 'Agreed with the staff on Monday' });
    await rule.chooseModality('should_not');
    await rule.continue();
    rule = await RulePage.verifyOnPage(page, 'A3');
    await expectAccessible(page);
    expect(await page.title()).toMatch(/^Error: Change rule A3/);
    expect(await rule.errorSummary.textContent()).toContain('Enter the rule in your school’s own words');
    expect(await rule.fieldError('summary').textContent()).toContain('Enter the rule in your school’s own words');
    expect(await rule.modality('should_not').isChecked()).toBe(true);
    expect(await page.getByLabel('Note (optional)', { exact: true }).inputValue()).toBe(
      'Agreed with the staff on Monday',
    );
    await rule.fill({ 'The rule in your school’s words': newWording });
    await rule.continue();
    contents = await DraftContentsPage.verifyOnPage(page);

    await contents.preview();
    const preview = await PreviewPage.verifyOnPage(page);
    await expectAccessible(page);
    expect(await preview.rule('A3').textContent()).toContain(newWording);
    expect(await preview.rule('A3').textContent()).toContain('(should not)');
    await preview.ask({ who: 'A parent', does: 'Posting', content: 'Offensive' });
    await PreviewPage.verifyOnPage(page);
    await expectAccessible(page);
    // Other rules for parents still forbid it; A3, among the rules that decided it, is now advice.
    expect(await preview.verdict.textContent()).toBe('Not allowed');
    expect(await preview.finding('A3').textContent()).toMatch(
      /^Rule A3 \(should not\), broken: At Oakfield we are kind online/,
    );

    // The editor's other forms, each showing its errors, pass the same checks.
    await page.goto(`${baseUrl}/policy/draft/details`);
    let form = await DraftFormPage.verifyOnPage(page, 'details', 'Change the policy’s details');
    await expectAccessible(page);
    await form.fill({ Title: '' });
    await form.continue();
    form = await DraftFormPage.verifyOnPage(page, 'details', 'Change the policy’s details');
    expect(await form.errorSummary.textContent()).toContain('Enter the title of the policy');
    await expectAccessible(page);

    await page.goto(`${baseUrl}/policy/draft/procedures/P-PUPIL-REQUEST`);
    form = await DraftFormPage.verifyOnPage(page, 'procedure', 'Change procedure P-PUPIL-REQUEST');
    await expectAccessible(page);
    await form.choose('Who does it', 'Choose who does it', 1);
    await form.continue();
    form = await DraftFormPage.verifyOnPage(page, 'procedure', 'Change procedure P-PUPIL-REQUEST');
    expect(await form.errorSummary.textContent()).toContain('Choose who does step 2');
    await expectAccessible(page);

    // An exception chosen with boxes alone: a relative, declared to the school.
    await page.goto(`${baseUrl}/policy/draft/rules/B5`);
    rule = await RulePage.verifyOnPage(page, 'B5');
    await expectAccessible(page);
    await rule.addException();
    form = await DraftFormPage.verifyOnPage(page, 'exception', 'Add an exception to rule B5');
    await expectAccessible(page);
    await form.fill({ 'Exception id': 'relatives' });
    await form.tick('How the two people know each other (optional)', 'A member of their family');
    await form.continue();
    form = await DraftFormPage.verifyOnPage(page, 'exception', 'Add an exception to rule B5');
    expect(await page.title()).toMatch(/^Error: Add an exception to rule B5/);
    expect(await form.errorSummary.textContent()).toContain('Enter the exception in your school’s own words');
    await expectAccessible(page);
    await form.fill({ 'The exception in your school’s words': 'A relative, declared to the school.' });
    await form.tick('It counts only once these are in place (optional)', 'The relationship is declared to the school');
    await form.continue();
    rule = await RulePage.verifyOnPage(page, 'B5');
    await expectAccessible(page);
    expect(await rule.exceptions.textContent()).toContain('A relative, declared to the school.');

    // A procedure added, then removed after the confirmation page.
    await page.goto(`${baseUrl}/policy/draft`);
    contents = await DraftContentsPage.verifyOnPage(page);
    await contents.addProcedure();
    form = await DraftFormPage.verifyOnPage(page, 'procedure', 'Add a procedure');
    await expectAccessible(page);
    await form.fill({ 'Procedure id': 'P-CLUBS', Title: 'A concern about a club leader' });
    await form.tickValue('breachOf', 'D1');
    await form.continue();
    form = await DraftFormPage.verifyOnPage(page, 'procedure', 'Add a procedure');
    expect(await form.errorSummary.textContent()).toContain('A procedure needs at least one step');
    await expectAccessible(page);
    await form.choose('What is done', 'Tell the Headteacher');
    await form.choose('Who does it', 'A member of staff');
    await form.continue();
    await DraftContentsPage.verifyOnPage(page);
    await page.goto(`${baseUrl}/policy/draft/procedures/P-CLUBS`);
    await DraftFormPage.verifyOnPage(page, 'procedure', 'Change procedure P-CLUBS');
    await clickThrough(page, page.locator('[data-qa="remove-link"]'));
    form = await DraftFormPage.verifyOnPage(page, 'procedure-remove', 'Remove procedure P-CLUBS?');
    await expectAccessible(page);
    await form.continue();
    contents = await DraftContentsPage.verifyOnPage(page);
    expect(await contents.saved.textContent()).toContain('Procedure P-CLUBS has been removed.');

    await page.goto(`${baseUrl}/policy/draft/sections/new`);
    form = await DraftFormPage.verifyOnPage(page, 'section', 'Add a section');
    await form.continue();
    form = await DraftFormPage.verifyOnPage(page, 'section', 'Add a section');
    expect(await form.errorSummary.textContent()).toContain('Enter the section’s heading');
    await expectAccessible(page);

    await page.goto(`${baseUrl}/policy/draft/import`);
    form = await DraftFormPage.verifyOnPage(page, 'import', 'Import the draft from a policy file');
    await expectAccessible(page);
    await form.upload('ours.yaml', 'title: Our policy\nstatus: drafted\n');
    await DraftFormPage.verifyOnPage(page, 'import', 'The policy file needs correcting');
    expect(await page.locator('[data-qa="import-problem"]').first().textContent()).toMatch(/Line \d+/);
    await expectAccessible(page);
    await context.close();
  });
});
