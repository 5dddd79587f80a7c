// The printed policy: A4 pages that each say whose policy they are and where they fall, with every
// heading, table row and rule of the document, in characters the standard fonts can show.
import { describe, expect, it } from 'vitest';
import { printPolicy } from '../../../src/adapters/pdf/index.ts';
import { printable } from '../../../src/adapters/pdf/text.ts';
import { filePolicyLibrary } from '../../../src/adapters/policy-files/index.ts';
import { documentModel, type PolicyDocument } from '../../../src/domain/policy/render/index.ts';
import { asOneLine, pagesOf } from './pdf-text.ts';

const small: PolicyDocument = {
  slug: 'willow',
  title: 'Willow Primary Social Media Policy',
  issuedTo: ['Willow Primary'],
  documentControl: {
    caption: 'Document control',
    rows: [
      { label: 'Status', value: 'Published' },
      { label: 'Version', value: '61.0' },
      { label: 'Review due', value: '1 September 2028' },
    ],
  },
  versionHistory: {
    caption: 'Version history',
    columns: ['Version', 'Date', 'Amended by', 'Comments'],
    rows: Array.from({ length: 61 }, (_, i) => [`${i + 1}.0`, '1 September 2026', 'Headteacher', `Review ${i + 1}`]),
  },
  linkedPolicies: ['Behaviour Policy'],
  introduction: ['Our families go to Ōtautahi → and back.'],
  sections: [
    {
      id: 'A',
      heading: 'A. Everyone',
      introduction: [],
      groups: [
        {
          audience: 'Staff',
          rules: [
            {
              id: 'A1',
              modality: 'must not',
              statement: 'Staff must not share pupils’ photos on personal accounts 📷.',
              exceptions: ['Except: with the parents’ written consent.'],
            },
          ],
        },
      ],
      procedures: [
        {
          id: 'report',
          title: 'Reporting a worry',
          trigger: 'When rule A1 is broken.',
          steps: ['Tell the Designated Safeguarding Lead the same day.'],
        },
      ],
    },
  ],
  procedures: [],
};

describe('The printed policy', () => {
  it('puts the school’s name and “Page n of N” on every page, and repeats a long table’s header row', async () => {
    const pdf = await printPolicy(small, { schoolName: 'Willow Primary School' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, index) => {
      expect(text).toContain('Willow Primary School');
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    // The history runs over a page break: the page it carries on to says what its columns are.
    const withRows = pages.filter((text) => /\b\d+\.0\s+1 September\s+2026/.test(text));
    expect(withRows.length).toBeGreaterThan(1);
    for (const text of withRows) expect(text).toMatch(/Version\s+Date\s+Amended by\s+Comments/);
    const all = asOneLine(pages);
    expect(all).toContain('Review 61');
    expect(all).toContain('A1 (must not) Staff must not share pupils’ photos on personal accounts ?.');
    expect(all).toContain('Except: with the parents’ written consent.');
    expect(all).toContain('Procedure: Reporting a worry');
    expect(all).toContain('1. Tell the Designated Safeguarding Lead the same day.');
    expect(all).toContain('Our families go to Otautahi -> and back.');
  });

  it('prints the whole model policy: every section heading and every rule', async () => {
    const found = filePolicyLibrary().find('model');
    if (!found?.ok) throw new Error('the model policy is missing');
    const document = documentModel(found.policy);
    const pages = await pagesOf(await printPolicy(document, { schoolName: 'Model School' }));
    expect(pages.length).toBeGreaterThan(5);
    const all = asOneLine(pages);
    for (const section of document.sections) expect(all).toContain(section.heading);
    for (const rule of document.sections.flatMap((s) => s.groups.flatMap((g) => g.rules)))
      expect(all).toContain(`${rule.id} (${rule.modality})`);
    pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${pages.length}`));
  });

  it('prints the same file for the same version', async () => {
    const options = { schoolName: 'Willow Primary School', createdAt: new Date('2026-11-18T10:00:00Z') };
    expect((await printPolicy(small, options)).equals(await printPolicy(small, options))).toBe(true);
  });
});

describe('Characters for the standard fonts', () => {
  it('keeps what Windows-1252 has, and writes the rest as the nearest it has', () => {
    expect(printable('“Don’t” – café, £5, €5 • ok')).toBe('“Don’t” – café, £5, €5 • ok');
    expect(printable('Ōtautahi → Łódź')).toBe('Otautahi -> ?ódz');
    expect(printable('line\nbreak\ttab')).toBe('line break tab');
    expect(printable('smile 😀')).toBe('smile ?');
  });
});
