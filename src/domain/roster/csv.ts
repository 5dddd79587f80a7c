// Comma-separated values as RFC 4180 defines them, and as spreadsheets and school management
// information systems write them: CRLF, LF or (old Excel for Mac) CR line endings, and a UTF-8
// byte order mark when Excel saves "CSV UTF-8".

export interface CsvRow {
  /** The line of the file on which the row starts (1-based): a cell may hold line breaks. */
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; line: number; message: string };

const isLineEnd = (ch: string | undefined) => ch === '\n' || ch === '\r';

export function parseCsv(text: string): CsvResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let i = 0;
  let line = 1;
  do {
    const row: CsvRow = { line, cells: [] };
    for (;;) {
      let value = '';
      if (source[i] === '"') {
        const openedOn = line;
        i++;
        for (;;) {
          const ch = source[i];
          if (ch === undefined) {
            return {
              ok: false,
              line: openedOn,
              message:
                `A cell that starts with a double quote (") on line ${openedOn} is never closed: ` +
                'check that the quotes in this row come in pairs, and write two ("") for a quote inside a cell',
            };
          }
          if (ch === '"' && source[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          if (ch === '"') break;
          // Count CRLF once, at its LF.
          if (ch === '\n' || (ch === '\r' && source[i] !== '\n')) line++;
          value += ch;
        }
        const next = source[i];
        if (next !== undefined && next !== ',' && !isLineEnd(next)) {
          return {
            ok: false,
            line,
            message:
              `On line ${line} a quoted cell is followed by ${JSON.stringify(next)} before the next comma: ` +
              'write two double quotes ("") for a quote inside a cell',
          };
        }
      } else {
        const start = i;
        while (i < source.length && source[i] !== ',' && !isLineEnd(source[i])) i++;
        value = source.slice(start, i);
      }
      row.cells.push(value);
      if (source[i] !== ',') break;
      i++;
    }
    rows.push(row);
    if (source[i] === '\r') i++;
    if (source[i] === '\n') i++;
    line++;
  } while (i < source.length);

  while (rows.length > 0 && rows.at(-1)?.cells.every((cell) => cell === '')) rows.pop();
  return { ok: true, rows };
}

/** CSV text with a line feed after every row; cells are quoted only when they need it. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return rows.map((cells) => cells.map(quote).join(',') + '\n').join('');
}
