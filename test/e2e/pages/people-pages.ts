// The school's people pages and the roster upload, as page objects.
import type { Locator, Page } from 'playwright-core';
import { FootprintPage } from './footprint-page.ts';

const follow = async (page: Page, link: Locator) => {
  await Promise.all([page.waitForEvent('load'), link.click()]);
};

export class PeopleListPage extends FootprintPage {
  readonly names: Locator;
  readonly count: Locator;
  constructor(page: Page) {
    super(page);
    this.names = page.locator('[data-qa="person-link"]');
    this.count = page.locator('[data-qa="count"]');
  }
  static async verifyOnPage(page: Page): Promise<PeopleListPage> {
    await FootprintPage.check(page, 'people-page', 'People and pupils');
    return new PeopleListPage(page);
  }
  async search(text: string, show = 'Everyone'): Promise<void> {
    await this.page.getByLabel('Name or email address').fill(text);
    await this.page.getByLabel('Show').selectOption({ label: show });
    await follow(this.page, this.page.locator('[data-qa="search"]'));
  }
  async open(name: string): Promise<void> {
    await follow(this.page, this.names.filter({ hasText: name }).first());
  }
  async addPerson(): Promise<void> {
    await follow(this.page, this.page.locator('[data-qa="add-person"]'));
  }
}

export class PupilPage extends FootprintPage {
  readonly carers: Locator;
  constructor(page: Page) {
    super(page);
    this.carers = page.locator('[data-qa="carer"]');
  }
  static async verifyOnPage(page: Page, name: string): Promise<PupilPage> {
    await FootprintPage.check(page, 'pupil-page', name);
    return new PupilPage(page);
  }
  async openCarer(index = 0): Promise<void> {
    await follow(this.page, this.carers.nth(index).locator('a'));
  }
}

export class PersonPage extends FootprintPage {
  readonly children: Locator;
  readonly roles: Locator;
  readonly notice: Locator;
  constructor(page: Page) {
    super(page);
    this.children = page.locator('[data-qa="child"]');
    this.roles = page.locator('[data-qa="roles"]');
    this.notice = page.locator('[data-qa="notice"]');
  }
  static async verifyOnPage(page: Page, name: string): Promise<PersonPage> {
    await FootprintPage.check(page, 'person-page', name);
    return new PersonPage(page);
  }
}

export class PersonFormPage extends FootprintPage {
  constructor(page: Page) {
    super(page);
  }
  static async verifyOnPage(page: Page, heading: string): Promise<PersonFormPage> {
    await FootprintPage.check(page, 'person-form-page', heading);
    return new PersonFormPage(page);
  }
  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.page.getByLabel(label, { exact: true }).fill(value);
  }
  async tick(qa: string): Promise<void> {
    await this.page.locator(`[data-qa="${qa}"]`).check();
  }
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
  errorLinks(): Locator {
    return this.page.locator('[data-qa="error-summary"] a');
  }
  async save(): Promise<void> {
    await follow(this.page, this.page.locator('[data-qa="continue"]'));
  }
}

/** The upload form, on the import page and under a file's errors. */
class UploadForm extends FootprintPage {
  async upload(kind: 'staff' | 'pupils' | 'contacts', fileName: string, csv: string): Promise<void> {
    const form = this.page.locator('[data-qa="upload-form"]');
    await form.locator(`[data-qa="kind-${kind}"]`).check();
    await form.locator('input[type="file"]').setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await follow(this.page, form.locator('[data-qa="upload"]'));
  }
}

export class ImportPage extends UploadForm {
  readonly templates: Locator;
  constructor(page: Page) {
    super(page);
    this.templates = page.locator('[data-qa="templates"] a');
  }
  static async verifyOnPage(page: Page): Promise<ImportPage> {
    await FootprintPage.check(page, 'import-page', 'Import people from your MIS');
    return new ImportPage(page);
  }
}

export class ImportCheckPage extends UploadForm {
  readonly problems: Locator;
  constructor(page: Page) {
    super(page);
    this.problems = page.locator('[data-qa="problem"]');
  }
  static async verifyOnPage(page: Page, heading: string): Promise<ImportCheckPage> {
    await FootprintPage.check(page, 'import-check-page', heading);
    return new ImportCheckPage(page);
  }
  figure(qa: 'added' | 'updated' | 'marked-left' | 'links'): Locator {
    return this.page.locator(`[data-qa="${qa}"]`);
  }
  /** Each problem as [row, column, what to fix]. */
  async problemList(): Promise<string[][]> {
    const rows: string[][] = [];
    for (const problem of await this.problems.all()) {
      rows.push(
        await Promise.all(
          ['problem-row', 'problem-column', 'problem-message'].map(
            async (qa) => (await problem.locator(`[data-qa="${qa}"]`).textContent())?.trim() ?? '',
          ),
        ),
      );
    }
    return rows;
  }
  async confirm(): Promise<void> {
    await follow(this.page, this.page.locator('[data-qa="confirm"]'));
  }
}

export class ImportResultPage extends FootprintPage {
  static async verifyOnPage(page: Page, heading: string): Promise<ImportResultPage> {
    await FootprintPage.check(page, 'import-result-page', heading);
    return new ImportResultPage(page);
  }
  figure(qa: 'added' | 'updated' | 'marked-left' | 'links'): Locator {
    return this.page.locator(`[data-qa="${qa}"]`);
  }
  async importAnother(): Promise<void> {
    await follow(this.page, this.page.locator('[data-qa="import-another"]'));
  }
  async seeList(): Promise<void> {
    await follow(this.page, this.page.locator('[data-qa="list-link"]'));
  }
}
