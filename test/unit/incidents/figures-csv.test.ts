import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseRowsCsv, csvField, csvFile, csvText, figuresCsv } from '../../../src/domain/incidents/figures-csv.ts';
import { fewerThanThree, termFigures, type CaseSummary } from '../../../src/domain/incidents/figures.ts';
import { previousTerm, termFor } from '../../../src/domain/incidents/terms.ts';

/** A strict RFC 4180 reader: every record ends in CRLF, and a quote may appear only in a quoted field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        if (at >= text.length) throw new Error('unterminated quoted field');
        if (text[at] === '"') {
          if (text[at + 1] === '"') {
            field += '"';
            at += 2;
            continue;
          }
          at++;
          break;
        }
        field += text[at];
        at++;
      }
    } else {
      while (at < text.length && !/[,\r\n]/.test(text[at] ?? '')) {
        if (text[at] === '"') throw new Error(`a quote inside an unquoted field at ${at}`);
        field += text[at];
        at++;
      }
    }
    row.push(field);
    if (text[at] === ',') {
      at++;
      continue;
    }
    if (text.startsWith('\r\n', at)) {
      rows.push(row);
      row = [];
      at += 2;
      continue;
    }
    throw new Error(`expected a comma or CRLF at ${at}, found ${JSON.stringify(text.slice(at, at + 5))}`);
  }
  if (row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

describe('csvField and csvText', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(
      csvText([
        ['a', 'b'],
        ['c', ''],
      ]),
    ).toBe('a,b\r\nc,\r\n');
  });

  it.each(['=SUM(A1:A2)', '+1', '-1', '@cmd', '\tx', '\rx'])('stops %j being read as a formula', (cell) => {
    expect(csvField(cell).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('round-trips any text, with formula-like cells made inert', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '=', '+', '-', '@', '\t', "'", 'a', ' ') }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const parsed = parseCsv(csvText(rows));
        expect(parsed).toEqual(rows.map((row) => row.map(guarded)));
        for (const parsedCell of parsed.flat()) expect(parsedCell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('makes a UTF-8 file with a byte order mark', () => {
    const bytes = csvFile('Café,1\r\n');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)).toBe('Café,1\r\n');
  });
});

const autumn = termFor('autumn', 2026);
const now = new Date('2026-12-15T12:00:00Z');
const day = 86_400_000;

function summary(overrides: Partial<CaseSummary>): CaseSummary {
  return {
    kind: 'post',
    partyRoles: ['pupil'],
    subjectRoles: [],
    handler: 'dsl',
    reportedAt: new Date('2026-10-01T09:00:00Z'),
    tasks: [],
    ...overrides,
  };
}

const cases: CaseSummary[] = [
  summary({ kind: 'bullying', partyRoles: ['pupil', 'parent'], firstActionAt: new Date('2026-10-01T21:00:00Z') }),
  summary({
    kind: 'bullying',
    reportedAt: new Date('2026-09-05T09:00:00Z'),
    closedAt: new Date('2026-09-15T09:00:00Z'),
    outcome: 'resolved_informally',
  }),
  summary({ kind: 'images', partyRoles: ['pupil', 'staff'], handler: 'headteacher' }),
  summary({ reportedAt: new Date('2026-06-01T09:00:00Z'), partyRoles: ['governor'] }),
];

describe('figuresCsv', () => {
  const figures = termFigures({ cases, term: autumn, now, compareWith: previousTerm(autumn) });
  // Parsed in the tests, so that a CSV the reader refuses fails a test rather than the file.
  const parsed = () => parseCsv(figuresCsv(figures));
  const find = (term: string, section: string, label: string) =>
    parsed().find((r) => r[0] === term && r[1] === section && r[2] === label)?.[3];

  it('has one row a figure, four columns each, under a header', () => {
    const rows = parsed();
    expect(rows[0]).toEqual(['Term', 'Section', 'Label', 'Value']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(find('Autumn term 2026', 'Cases', 'Reported in the term')).toBe('3');
    expect(find('Autumn term 2026', 'By kind', 'Bullying or unkind messages')).toBe('2');
    expect(find('Autumn term 2026', 'By role of people involved', 'Pupils')).toBe('3');
    expect(find('Autumn term 2026', 'By role of people involved', 'Parents')).toBe(fewerThanThree);
    expect(find('Autumn term 2026', 'By outcome', 'Still open')).toBe('2');
    expect(find('Autumn term 2026', 'Time to first action', 'Median (hours)')).toBe('12');
    expect(find('Autumn term 2026', 'Time to closure', 'Median (days)')).toBe('10');
    expect(find('Summer term 2026', 'Cases', 'Reported in the term')).toBe('1');
    expect(find('Summer term 2026', 'Time to closure', 'Median (days)')).toBe('');
  });

  it('adds up by kind to the cases of each term', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('post', 'images', 'other' as const),
            offset: fc.integer({ min: -200, max: 120 }),
          }),
          { maxLength: 30 },
        ),
        (drawn) => {
          const made = drawn.map(({ kind, offset }) =>
            summary({ kind, reportedAt: new Date(autumn.starts.getTime() + offset * day) }),
          );
          const parsed = parseCsv(
            figuresCsv(termFigures({ cases: made, term: autumn, now, compareWith: previousTerm(autumn) })),
          );
          for (const term of ['Autumn term 2026', 'Summer term 2026']) {
            const byKind = parsed.filter((r) => r[0] === term && r[1] === 'By kind').map((r) => Number(r[3]));
            const total = Number(parsed.find((r) => r[0] === term && r[2] === 'Reported in the term')?.[3]);
            expect(byKind.reduce((a, b) => a + b, 0)).toBe(total);
          }
          const roleCells = parsed.filter((r) => r[1]?.startsWith('By role')).map((r) => r[3]);
          expect(roleCells).not.toContain('1');
          expect(roleCells).not.toContain('2');
        },
      ),
    );
  });
});

describe('caseRowsCsv', () => {
  it('gives one anonymised row a case in the term, oldest first', () => {
    const rows = parseCsv(caseRowsCsv(cases, autumn, now));
    expect(rows[0]).toEqual([
      'Kind',
      'Roles involved',
      'Handled by',
      'Outcome',
      'Reported on',
      'Days to first action',
      'Days to closure',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'Bullying or unkind messages',
        'Pupils',
        'Designated Safeguarding Lead',
        'Resolved by talking it through',
        '2026-09-05',
        '',
        '10',
      ],
      [
        'Bullying or unkind messages',
        'Pupils; Parents',
        'Designated Safeguarding Lead',
        'Still open',
        '2026-10-01',
        '0.5',
        '',
      ],
      ['Photos or videos of pupils shared online', 'Staff; Pupils', 'Headteacher', 'Still open', '2026-10-01', '', ''],
    ]);
  });

  it('gives the day in the UK, which is the day before in UTC just after midnight in summer', () => {
    const rows = parseCsv(caseRowsCsv([summary({ reportedAt: new Date('2026-09-30T23:30:00Z') })], autumn, now));
    expect(rows[1]?.[4]).toBe('2026-10-01');
  });

  it('carries nothing but vocabulary values, and refuses anything else', () => {
    const named = { ...summary({}), name: 'Zebedee Quartermaine', what: 'secret' };
    const text = caseRowsCsv([named], autumn, now);
    expect(text).not.toMatch(/Zebedee|secret/);
    const sneaky = summary({ kind: 'Zebedee' as unknown as CaseSummary['kind'] });
    expect(() => caseRowsCsv([sneaky], autumn, now)).toThrow(RangeError);
    const sneakyRole = summary({ partyRoles: ['Zebedee' as unknown as 'pupil'] });
    expect(() => caseRowsCsv([sneakyRole], autumn, now)).toThrow(RangeError);
  });

  it('has a row for every case reported in the term, each with seven fields', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 200 }), { maxLength: 30 }), (offsets) => {
        const made = offsets.map((offset) => summary({ reportedAt: new Date(autumn.starts.getTime() + offset * day) }));
        const rows = parseCsv(caseRowsCsv(made, autumn, now)).slice(1);
        const expected = made.filter(
          (c) => c.reportedAt >= autumn.starts && c.reportedAt < autumn.ends && c.reportedAt <= now,
        );
        expect(rows).toHaveLength(expected.length);
        expect(rows.every((r) => r.length === 7)).toBe(true);
        const dates = rows.map((r) => r[4] ?? '');
        expect([...dates].sort()).toEqual(dates);
      }),
    );
  });
});
