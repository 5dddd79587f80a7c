// How the policy sits on the page: headings kept with what follows them, tables that carry on
// over a page break with their header row repeated, rules as bullet lists, procedures as
// numbered steps.
import type {
  ColumnTable,
  DocumentSection,
  LabelledTable,
  PolicyDocument,
  ProcedureText,
  RuleText,
} from '../../domain/policy/render/model.ts';
import { printable } from './text.ts';

export const colours = { text: '#0b0c0c', secondary: '#505a5f', border: '#b1b4b6', headerFill: '#f3f2f1' };
export const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
const headingSizes = { 1: 22, 2: 16, 3: 12.5 } as const;
const bodySize = 10.5;
const cellPadding = 5;
const bulletIndent = 14;

type HeadingLevel = keyof typeof headingSizes;

export class Layout {
  private readonly pdf: PDFKit.PDFDocument;

  constructor(pdf: PDFKit.PDFDocument) {
    this.pdf = pdf;
    pdf.fillColor(colours.text).strokeColor(colours.border).lineWidth(0.75);
  }

  private get left() {
    return this.pdf.page.margins.left;
  }

  private get width() {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }

  private get bottom() {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  /** Starts a new page unless this much room is left on the current one. */
  private keep(height: number) {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
  }

  policy(document: PolicyDocument, schoolName: string) {
    const { pdf } = this;
    pdf.font(fonts.regular).fontSize(12).fillColor(colours.secondary);
    pdf.text(printable(schoolName), this.left, pdf.y, { width: this.width });
    pdf.fillColor(colours.text).moveDown(0.3);
    this.heading(document.title, 1, false);
    this.paragraph(`Issued to: ${document.issuedTo.join(', ')}`);
    this.labelledTable(document.documentControl);
    if (document.versionHistory) this.columnTable(document.versionHistory);
    if (document.linkedPolicies.length > 0) {
      this.heading('Linked policies', 2);
      for (const linked of document.linkedPolicies) this.bullet([{ text: linked }]);
      this.gap();
    }
    if (document.introduction.length > 0 || document.source) {
      this.heading('Introduction', 2);
      for (const text of document.introduction) this.paragraph(text);
      if (document.source) this.paragraph(`Encoded from: ${document.source}`);
    }
    for (const section of document.sections) this.section(section);
    if (document.procedures.length > 0) {
      this.heading('Procedures', 2);
      for (const procedure of document.procedures) this.procedure(procedure);
    }
  }

  private section(section: DocumentSection) {
    this.heading(section.heading, 2);
    for (const text of section.introduction) this.paragraph(text);
    for (const group of section.groups) {
      this.heading(group.audience, 3, false);
      for (const rule of group.rules) this.rule(rule);
      this.gap();
    }
    for (const procedure of section.procedures) this.procedure(procedure);
  }

  private rule(rule: RuleText) {
    this.bullet([
      { text: `${rule.id} `, font: fonts.bold },
      { text: `(${rule.modality}) `, font: fonts.italic },
      { text: rule.statement },
    ]);
    const details = [...rule.exceptions, rule.requirement, rule.consequences].filter((d): d is string => Boolean(d));
    for (const detail of details) this.bullet([{ text: detail }], 1);
  }

  private procedure(procedure: ProcedureText) {
    this.heading(`Procedure: ${procedure.title}`, 3, false);
    if (procedure.summary) this.paragraph(procedure.summary);
    this.paragraph(`Starts ${procedure.trigger.charAt(0).toLowerCase()}${procedure.trigger.slice(1)}`);
    procedure.steps.forEach((step, index) => this.bullet([{ text: step }], 0, `${index + 1}.`));
    this.gap();
  }

  private heading(text: string, level: HeadingLevel, outline = level <= 2) {
    const { pdf } = this;
    const size = headingSizes[level];
    pdf.font(fonts.bold).fontSize(size);
    const height = pdf.heightOfString(printable(text), { width: this.width });
    // A heading never ends a page: it stays with at least three lines of what it introduces.
    this.keep(height + bodySize * 4);
    if (level > 1 && pdf.y > pdf.page.margins.top) pdf.moveDown(level === 2 ? 0.6 : 0.3);
    if (outline) pdf.outline.addItem(printable(text));
    pdf.fillColor(colours.text).text(printable(text), this.left, pdf.y, { width: this.width });
    pdf.moveDown(level === 1 ? 0.5 : 0.3);
    pdf.font(fonts.regular).fontSize(bodySize);
  }

  private paragraph(text: string) {
    const { pdf } = this;
    pdf.font(fonts.regular).fontSize(bodySize).fillColor(colours.text);
    this.keep(bodySize * 2.5);
    pdf.text(printable(text), this.left, pdf.y, { width: this.width, lineGap: 2 });
    pdf.moveDown(0.5);
  }

  private gap() {
    this.pdf.moveDown(0.4);
  }

  /** One item of a list: a bullet (or a step's number) hanging beside text in one or more fonts. */
  private bullet(runs: { text: string; font?: string }[], depth = 0, marker = depth === 0 ? '•' : '–') {
    const { pdf } = this;
    const x = this.left + depth * bulletIndent;
    const width = this.width - depth * bulletIndent - bulletIndent;
    pdf.font(fonts.regular).fontSize(bodySize).fillColor(colours.text);
    this.keep(bodySize * 2.5);
    const y = pdf.y;
    pdf.text(marker, x, y, { width: bulletIndent, lineBreak: false });
    runs.forEach((run, index) => {
      pdf.font(run.font ?? fonts.regular);
      const last = index === runs.length - 1;
      if (index === 0) pdf.text(printable(run.text), x + bulletIndent, y, { width, lineGap: 2, continued: !last });
      else pdf.text(printable(run.text), { continued: !last });
    });
    pdf.moveDown(0.3);
  }

  private caption(text: string) {
    const { pdf } = this;
    pdf.font(fonts.bold).fontSize(headingSizes[3]);
    this.keep(bodySize * 6);
    pdf.moveDown(0.3);
    pdf.outline.addItem(printable(text));
    pdf.fillColor(colours.text).text(printable(text), this.left, pdf.y, { width: this.width });
    pdf.moveDown(0.3);
  }

  private labelledTable(table: LabelledTable) {
    this.caption(table.caption);
    const widths = [this.width * 0.3, this.width * 0.7];
    for (const row of table.rows) {
      const cells = [row.label, row.value];
      const cellFonts = [fonts.bold, fonts.regular];
      this.keep(this.rowHeight(cells, widths, cellFonts));
      this.row(cells, widths, cellFonts);
    }
    this.pdf.moveDown(0.8);
  }

  private columnTable(table: ColumnTable) {
    this.caption(table.caption);
    const shares =
      table.columns.length === 4 ? [0.12, 0.24, 0.2, 0.44] : table.columns.map(() => 1 / table.columns.length);
    const widths = shares.map((share) => this.width * share);
    const headerFonts = table.columns.map(() => fonts.bold);
    const header = () => this.row(table.columns, widths, headerFonts, true);
    header();
    for (const cells of table.rows) {
      const cellFonts = cells.map(() => fonts.regular);
      if (this.pdf.y + this.rowHeight(cells, widths, cellFonts) > this.bottom) {
        // Carried over to a new page, the table says again what its columns are.
        this.pdf.addPage();
        header();
      }
      this.row(cells, widths, cellFonts);
    }
    this.pdf.moveDown(0.8);
  }

  private rowHeight(cells: string[], widths: number[], cellFonts: string[]): number {
    const { pdf } = this;
    pdf.fontSize(bodySize);
    const heights = cells.map((cell, i) => {
      pdf.font(cellFonts[i] ?? fonts.regular);
      return pdf.heightOfString(printable(cell) || ' ', { width: widths[i]! - 2 * cellPadding, lineGap: 1 });
    });
    return Math.max(...heights) + 2 * cellPadding;
  }

  private row(cells: string[], widths: number[], cellFonts: string[], shaded = false) {
    const { pdf } = this;
    const height = this.rowHeight(cells, widths, cellFonts);
    const top = pdf.y;
    let x = this.left;
    cells.forEach((cell, i) => {
      const width = widths[i]!;
      if (shaded) pdf.rect(x, top, width, height).fillAndStroke(colours.headerFill, colours.border);
      else pdf.rect(x, top, width, height).stroke(colours.border);
      pdf
        .font(cellFonts[i] ?? fonts.regular)
        .fillColor(colours.text)
        .text(printable(cell), x + cellPadding, top + cellPadding, { width: width - 2 * cellPadding, lineGap: 1 });
      x += width;
    });
    pdf.x = this.left;
    pdf.y = top + height;
  }

  /**
   * Puts the school's name and the page number on every page, once the number of pages is known.
   * `label` is what the header says the document is; a letter leaves the header off its first page.
   */
  headersAndFooters(schoolName: string, title: string, { label = 'Social media policy', firstPageHeader = true } = {}) {
    const { pdf } = this;
    const { start, count } = pdf.bufferedPageRange();
    for (let index = start; index < start + count; index += 1) {
      pdf.switchToPage(index);
      const { margins, width, height } = pdf.page;
      const savedBottom = margins.bottom;
      // Writing in the margins would otherwise make pdfkit start yet another page.
      margins.bottom = 0;
      const inner = width - margins.left - margins.right;
      pdf.font(fonts.regular).fontSize(9).fillColor(colours.secondary);
      if (firstPageHeader || index > start) {
        pdf.text(printable(schoolName), margins.left, 34, { width: inner * 0.6, lineBreak: false, ellipsis: true });
        pdf.text(printable(label), margins.left + inner * 0.6, 34, {
          width: inner * 0.4,
          align: 'right',
          lineBreak: false,
        });
        pdf
          .moveTo(margins.left, 48)
          .lineTo(width - margins.right, 48)
          .stroke(colours.border);
      }
      const footerY = height - 46;
      pdf
        .moveTo(margins.left, footerY - 8)
        .lineTo(width - margins.right, footerY - 8)
        .stroke(colours.border);
      pdf.text(printable(title), margins.left, footerY, {
        width: inner * 0.7,
        lineBreak: false,
        ellipsis: true,
      });
      pdf.text(`Page ${index - start + 1} of ${count}`, margins.left + inner * 0.7, footerY, {
        width: inner * 0.3,
        align: 'right',
        lineBreak: false,
      });
      margins.bottom = savedBottom;
    }
  }
}
