// Letters to parents: the standard wording, the problems a school's own wording can have, and
// filling a letter from a case, which lists what is still to be given rather than leave a gap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fillLetter,
  letterDate,
  letterKinds,
  paragraphsOf,
  placeholders,
  placeholdersFor,
  readLetterWording,
  sampleValues,
  standardLetters,
  templateProblems,
  type Placeholder,
} from '../../../src/domain/incidents/letters.ts';

describe('The standard letters', () => {
  it.each(letterKinds)('%s uses only the placeholders it may, and reads fully filled', (kind) => {
    const { title, body } = standardLetters[kind];
    expect(templateProblems(title, placeholdersFor(kind))).toEqual([]);
    expect(templateProblems(body, placeholdersFor(kind))).toEqual([]);
    const filled = fillLetter(standardLetters[kind], sampleValues);
    expect(filled.missing).toEqual([]);
    expect(filled.body).toContain('Dear Mrs Sample,');
    expect(filled.body).not.toMatch(/[{}[\]]/);
  });

  it('gives only the meeting invitation a meeting to name', () => {
    expect(placeholdersFor('meeting_invitation')).toContain('meetingWhen');
    expect(placeholdersFor('request_removal')).not.toContain('meetingWhen');
    expect(standardLetters.meeting_invitation.body).toContain('{{meetingWhen}}');
  });
});

describe('Problems with a school’s wording', () => {
  it('accepts known placeholders, with or without spaces inside the braces', () => {
    expect(templateProblems('Dear {{recipientName}}, about {{ reference }} on {{date}}.')).toEqual([]);
    expect(templateProblems('Single { braces } are only text')).toEqual([]);
  });

  it('names an unknown placeholder once, and says what to do', () => {
    const problems = templateProblems('Dear {{parentName}}, and again {{parentName}}.');
    expect(problems).toEqual([
      'Change or remove {{parentName}}: it is not a placeholder Footprint can fill. Use one of the placeholders listed',
    ]);
  });

  it('refuses a placeholder this kind of letter cannot use', () => {
    expect(templateProblems('Come on {{meetingWhen}}', placeholdersFor('complaints_procedure'))).toEqual([
      'Remove {{meetingWhen}}: this letter cannot use it',
    ]);
  });

  it('finds braces left open, stray closing braces and empty placeholders', () => {
    expect(templateProblems('Dear {{recipientName, thank you')).toEqual([
      'Close the placeholder that starts “{{recipientName,” with “}}”, or remove its “{{”',
    ]);
    expect(templateProblems('Dear {{recipientName {{reference}}')).toHaveLength(1);
    expect(templateProblems('Dear recipientName}}, hello')[0]).toMatch(/^Remove the “}}” after “Dear recipientName”/);
    expect(templateProblems('Dear {{}}')).toEqual(['Put a placeholder name between “{{” and “}}”, or remove them']);
  });
});

describe('Reading the editing form', () => {
  it('trims what was typed and keeps it', () => {
    const read = readLetterWording('request_removal', {
      title: '  Our letter ',
      body: '\r\nDear {{recipientName}}\r\n',
    });
    expect(read).toEqual({ ok: true, wording: { title: 'Our letter', body: 'Dear {{recipientName}}' } });
  });

  it('asks for a title and a body, and puts each problem beside its field', () => {
    expect(readLetterWording('request_removal', { title: ' ', body: '' })).toEqual({
      ok: false,
      errors: { title: 'Enter a title for the letter', body: 'Enter the wording of the letter' },
    });
    const read = readLetterWording('request_removal', { title: 'About {{ref}}', body: 'On {{meetingWhen}}' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.title).toMatch(/^In the title: Change or remove \{\{ref\}\}/);
    expect(read.errors.body).toBe('Remove {{meetingWhen}}: this letter cannot use it');
  });
});

describe('Filling a letter', () => {
  it('puts each value in its place, on one line and without braces', () => {
    const filled = fillLetter(
      { title: 'Re {{reference}}', body: 'Dear {{recipientName}},\n\nSeen on {{whereSeen}}.' },
      { reference: 'R-AAAA-CCCC', recipientName: ' Mr  {Jones}\n', whereSeen: 'Facebook' },
    );
    expect(filled).toEqual({
      title: 'Re R-AAAA-CCCC',
      body: 'Dear Mr Jones,\n\nSeen on Facebook.',
      missing: [],
    });
  });

  it('lists the values still to be given, once each in the order used, and marks their place', () => {
    const filled = fillLetter(
      { title: 'Meeting on {{meetingWhen}}', body: 'Dear {{recipientName}}, come on {{meetingWhen}} ({{reference}}).' },
      { recipientName: 'Ms Ward', reference: '   ' },
    );
    expect(filled.missing).toEqual(['meetingWhen', 'reference']);
    expect(filled.body).toBe('Dear Ms Ward, come on [day, time and place of the meeting] ([case reference]).');
  });

  it('never leaves a pair of braces, and lists exactly the placeholders used without a value', () => {
    const segment = fc.string({ maxLength: 12 }).filter((text) => !text.includes('{') && !text.includes('}'));
    const piece = fc.oneof(
      segment,
      fc.constantFrom(...placeholders).map((name) => `{{${name}}}`),
    );
    const values = fc.dictionary(fc.constantFrom(...placeholders), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), values, (pieces, given) => {
        const body = pieces.join('');
        expect(templateProblems(body)).toEqual([]);
        const filled = fillLetter({ title: 'Letter', body }, given);
        expect(filled.body).not.toContain('{{');
        expect(filled.body).not.toContain('}}');
        const used = placeholders.filter((name) => body.includes(`{{${name}}}`));
        const empty = (name: Placeholder) => (given[name] ?? '').replace(/[{}]/g, '').trim() === '';
        expect([...filled.missing].sort()).toEqual(used.filter(empty).sort());
      }),
    );
  });

  it('never leaves a pair of braces even in wording that has problems', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom('{', '}', 'a', ' ', 'date') }), (body) => {
        const filled = fillLetter({ title: body, body }, sampleValues);
        expect(filled.body).not.toContain('{{');
        expect(filled.title).not.toContain('}}');
      }),
    );
  });
});

describe('Dates and paragraphs', () => {
  it('writes the letter’s date as the UK reads it, on the UK’s day', () => {
    expect(letterDate(new Date('2026-11-22T10:00:00Z'))).toBe('22 November 2026');
    // Half past midnight on 1 July in London is still 30 June in UTC.
    expect(letterDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
  });

  it('splits the body at blank lines', () => {
    expect(paragraphsOf('One\nstill one\n\n  \n\nTwo\r\n\r\nThree\n')).toEqual(['One\nstill one', 'Two', 'Three']);
  });
});
