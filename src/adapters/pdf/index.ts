// The policy printed to PDF with pdfkit: A4, Helvetica (built into every PDF reader, so nothing
// is embedded or fetched), the school's name at the head of every page and "Page 3 of 12" at
// its foot. Everything is laid out from the plain-text document model.
import PDFDocument from 'pdfkit';
import type { PolicyDocument } from '../../domain/policy/render/model.ts';
import type { PolicyPrinter, PrintOptions } from '../../services/ports.ts';
import { Layout } from './layout.ts';

export function createPdfPrinter(): PolicyPrinter {
  return {
    print: (document, options) => printPolicy(document, options),
  };
}

export function printPolicy(document: PolicyDocument, { schoolName, createdAt }: PrintOptions): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 57, right: 57 },
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: document.title,
      Author: schoolName,
      Subject: 'Social media policy',
      Creator: 'Footprint',
      Producer: 'Footprint',
      ...(createdAt && { CreationDate: createdAt }),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const layout = new Layout(pdf);
  layout.policy(document, schoolName);
  layout.headersAndFooters(schoolName, document.title);
  pdf.end();
  return done;
}
