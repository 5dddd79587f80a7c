// The standard PDF fonts know only the Windows-1252 characters. Anything else is written as the
// nearest letter it has, or a question mark, rather than as a blank or a wrong glyph.

const windows1252Extras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const fits = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || windows1252Extras.has(char);
};

const nearest: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2032': "'",
  '\u2033': '"',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2212': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2713': 'Yes',
  '\u2717': 'No',
};

export function printable(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ')) {
    if (fits(char)) out += char;
    else if (nearest[char] !== undefined) out += nearest[char];
    else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(fits) ? base : '?';
    }
  }
  return out;
}
