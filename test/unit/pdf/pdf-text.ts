// Reads a PDF back as text, one string per page, with pdf.js: what a reader's viewer would find.
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await document.destroy();
  return pages;
}

/** The text of all pages with line breaks and hyphen-free wrapping undone, for finding a sentence. */
export const asOneLine = (pages: string[]) => pages.join(' ').replace(/\s+/g, ' ');
