// A letter to a parent printed to PDF: the school's name and address at its head, the recipient,
// the date, the subject and every paragraph, signed; a long one numbered page by page.
import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../src/adapters/pdf/letter.ts';
import { fillLetter, paragraphsOf, sampleValues, standardLetters } from '../../../src/domain/incidents/letters.ts';
import type { LetterToPrint } from '../../../src/services/ports.ts';
import { asOneLine, pagesOf } from './pdf-text.ts';

const filled = fillLetter(standardLetters.request_removal, {
  ...sampleValues,
  recipientName: 'Mr Dara Quinn',
  schoolName: 'Willow Primary School',
  whereSeen: 'the Willow Village noticeboard on Facebook',
});

const letter: LetterToPrint = {
  schoolName: 'Willow Primary School',
  schoolAddress: ['1 Willow Lane', 'Exampleton', 'EX1 1AA'],
  date: '22 November 2026',
  reference: 'R-AC3D-7KLM',
  recipient: { name: 'Mr Dara Quinn', address: ['4 Ash Close', 'Exampleton'] },
  title: filled.title,
  paragraphs: paragraphsOf(filled.body),
  signOff: { name: 'Alex Example', role: 'Headteacher' },
  createdAt: new Date('2026-11-22T09:00:00Z'),
};

describe('A letter printed to PDF', () => {
  it('has the school, the recipient, the date, the filled wording and who signs it', async () => {
    const bytes = await renderLetterPdf(letter);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pages = await pagesOf(bytes);
    expect(pages).toHaveLength(1);
    const text = asOneLine(pages);
    for (const expected of [
      'Willow Primary School',
      '1 Willow Lane',
      'Mr Dara Quinn',
      '4 Ash Close',
      '22 November 2026',
      'Our reference: R-AC3D-7KLM',
      'Request to remove a post about our school',
      'Dear Mr Dara Quinn,',
      'seen on the Willow Village noticeboard on Facebook on 20 November 2026',
      'Yours sincerely',
      'Alex Example',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('{{');
    // One page needs no page numbers.
    expect(text).not.toContain('Page 1 of');
  });

  it('numbers the pages of a long letter, and says whose letter each later page is', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}. ${'We want to hear from you. '.repeat(8)}`);
    const pages = await pagesOf(await renderLetterPdf({ ...letter, paragraphs: long }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    expect(pages[1]).toContain('Willow Primary School');
    expect(asOneLine(pages)).toContain('Paragraph 30.');
    expect(pages.at(-1)).toContain('Alex Example');
  });

  it('prints the characters the standard fonts lack as the nearest they have', async () => {
    const text = asOneLine(await pagesOf(await renderLetterPdf({ ...letter, recipient: { name: 'Mr Ōtake → Home' } })));
    expect(text).toContain('Mr Otake -> Home');
  });
});
