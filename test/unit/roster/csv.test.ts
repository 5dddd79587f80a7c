import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv, type CsvRow } from '../../../src/domain/roster/csv.ts';

const rowsOf = (text: string): CsvRow[] => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.rows;
};

describe('reading CSV text', () => {
  it('splits rows and cells, numbering lines from 1', () => {
    expect(rowsOf('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', '3'] },
    ]);
  });

  it('reads CRLF, LF and CR line endings alike, with or without a final line ending', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ];
    for (const text of ['a,b\r\n1,2\r\n3,4\r\n', 'a,b\n1,2\n3,4', 'a,b\r1,2\r3,4\r']) {
      expect(rowsOf(text).map((row) => row.cells)).toEqual(expected);
    }
  });

  it('drops a UTF-8 byte order mark, so the first heading reads as written', () => {
    expect(rowsOf('\uFEFFMIS ID,Surname\n')[0]?.cells).toEqual(['MIS ID', 'Surname']);
  });

  it('reads quoted cells holding commas, doubled quotes and line breaks, and counts lines within them', () => {
    const rows = rowsOf('name,note\r\n"Lee, Ann","She said ""hi""\r\nthen left"\r\nBob,""\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['Lee, Ann', 'She said "hi"\r\nthen left'] },
      { line: 4, cells: ['Bob', ''] },
    ]);
  });

  it('keeps empty cells, including a last one', () => {
    expect(rowsOf('a,,c,\n')[0]?.cells).toEqual(['a', '', 'c', '']);
  });

  it('ignores blank lines at the end, including rows of empty cells, but keeps blank lines in between', () => {
    expect(rowsOf('a\n\nb\n\n\n,,\n\n').map((row) => row.line)).toEqual([1, 2, 3]);
    expect(rowsOf('')).toEqual([]);
    expect(rowsOf('\r\n\r\n')).toEqual([]);
  });

  it('takes a stray quote inside an unquoted cell as written, as spreadsheets do', () => {
    expect(rowsOf('5\'2",x\n')[0]?.cells).toEqual(['5\'2"', 'x']);
  });

  it('names the line where an unclosed quoted cell starts', () => {
    const result = parseCsv('a,b\n1,2\n3,"four\n5,6\n');
    expect(result).toEqual({ ok: false, line: 3, message: expect.stringContaining('on line 3 is never closed') });
  });

  it('names the line of a quoted cell followed by more text', () => {
    const result = parseCsv('a,b\n"Jack "Jay" Smith",2\n');
    expect(result).toEqual({ ok: false, line: 2, message: expect.stringContaining('write two double quotes ("")') });
  });
});

describe('writing CSV text', () => {
  it('quotes only the cells that need it', () => {
    expect(formatCsv([['a', 'b, c', 'say "hi"', ' padded', 'two\nlines']])).toBe(
      'a,"b, c","say ""hi"""," padded","two\nlines"\n',
    );
  });

  it('gives back what it wrote when read', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', 'é') });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(rows, (written) => {
        // A last row with nothing in it is a blank line at the end, which reading ignores.
        fc.pre(written.at(-1)?.some((c) => c !== '') ?? false);
        expect(rowsOf(formatCsv(written)).map((row) => row.cells)).toEqual(written);
      }),
    );
  });
});
