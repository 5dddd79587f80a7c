// A letter to a parent printed to PDF with pdfkit, as the policy is: A4, Helvetica, the school's
// name and address at the head, then the recipient, the date, the subject, the letter itself and
// who signs it. A letter that runs over a page says whose it is and "Page 2 of 3" on each page.
import PDFDocument from 'pdfkit';
import type { LetterPrinter, LetterToPrint } from '../../services/ports.ts';
import { colours, fonts, Layout } from './layout.ts';
import { printable } from './text.ts';

const bodySize = 11;

export function createLetterPrinter(): LetterPrinter {
  return { print: (letter) => renderLetterPdf(letter) };
}

export function renderLetterPdf(letter: LetterToPrint): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 72, left: 64, right: 64 },
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: printable(letter.title),
      Author: printable(letter.schoolName),
      Subject: 'Letter',
      Creator: 'Footprint',
      Producer: 'Footprint',
      ...(letter.createdAt && { CreationDate: letter.createdAt }),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  const layout = new Layout(pdf);
  write(pdf, letter);
  if (pdf.bufferedPageRange().count > 1) {
    layout.headersAndFooters(letter.schoolName, letter.title, { label: 'Letter', firstPageHeader: false });
  }
  pdf.end();
  return done;
}

function write(pdf: PDFKit.PDFDocument, letter: LetterToPrint) {
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const lines = (texts: readonly string[], options: PDFKit.Mixins.TextOptions = {}) => {
    for (const text of texts) pdf.text(printable(text), left, pdf.y, { width, ...options });
  };

  // The letterhead: the school's name, and its address beneath.
  pdf.font(fonts.bold).fontSize(18).fillColor(colours.text);
  lines([letter.schoolName]);
  pdf.font(fonts.regular).fontSize(10).fillColor(colours.secondary);
  lines(letter.schoolAddress ?? []);
  pdf.moveDown(0.4);
  pdf
    .moveTo(left, pdf.y)
    .lineTo(left + width, pdf.y)
    .stroke(colours.border);
  pdf.moveDown(1.5);

  pdf.font(fonts.regular).fontSize(bodySize).fillColor(colours.text);
  lines([letter.recipient.name, ...(letter.recipient.address ?? [])]);
  pdf.moveDown(1);
  lines([letter.date]);
  if (letter.reference) lines([`Our reference: ${letter.reference}`]);
  pdf.moveDown(1);

  pdf.font(fonts.bold).fontSize(bodySize + 1);
  lines([letter.title]);
  pdf.moveDown(0.6);

  pdf.font(fonts.regular).fontSize(bodySize);
  for (const paragraph of letter.paragraphs) {
    // A paragraph's first two lines are never left alone at the foot of a page.
    if (pdf.y + bodySize * 3 > bottom()) pdf.addPage();
    lines([paragraph], { lineGap: 2 });
    pdf.moveDown(0.7);
  }

  // The signature block stays together.
  if (pdf.y + bodySize * 8 > bottom()) pdf.addPage();
  lines(['Yours sincerely']);
  pdf.moveDown(2.5);
  pdf.font(fonts.bold);
  lines([letter.signOff.name]);
  pdf.font(fonts.regular);
  lines([letter.signOff.role]);
}
