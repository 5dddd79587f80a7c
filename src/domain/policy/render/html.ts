// The readable document as a complete, standalone and accessible HTML5 page. Every piece of
// text is escaped; the page carries no scripts and no style attributes.
import type { ColumnTable, LabelledTable, PolicyDocument, ProcedureText, RuleText } from './model.ts';

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const h = escapeHtml;

const stylesheet = `
body { font-family: Arial, sans-serif; line-height: 1.5; max-width: 50em; margin: 0 auto; padding: 1em; color: #0b0c0c; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
caption { font-weight: bold; text-align: left; padding-bottom: 0.5em; }
th, td { border: 1px solid #b1b4b6; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
.rule-id { font-weight: bold; }
.modality { font-style: italic; }`;

export function policyToHtml(doc: PolicyDocument): string {
  const body: string[] = [`<h1>${h(doc.title)}</h1>`, `<p>Issued to: ${h(doc.issuedTo.join(', '))}</p>`];
  body.push(labelledTable(doc.documentControl));
  if (doc.versionHistory) body.push(columnTable(doc.versionHistory));
  if (doc.linkedPolicies.length > 0) body.push('<h2>Linked policies</h2>', list('ul', doc.linkedPolicies.map(h)));
  if (doc.introduction.length > 0 || doc.source) {
    body.push('<h2>Introduction</h2>', ...doc.introduction.map(paragraph));
    if (doc.source) body.push(paragraph(`Encoded from: ${doc.source}`));
  }
  for (const section of doc.sections) {
    body.push(`<section aria-labelledby="section-${anchor(section.id)}">`);
    body.push(
      `<h2 id="section-${anchor(section.id)}">${h(section.heading)}</h2>`,
      ...section.introduction.map(paragraph),
    );
    for (const group of section.groups)
      body.push(`<h3>${h(group.audience)}</h3>`, list('ul', group.rules.map(ruleItem)));
    body.push(...section.procedures.map(procedure), '</section>');
  }
  if (doc.procedures.length > 0) body.push('<h2>Procedures</h2>', ...doc.procedures.map(procedure));
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(doc.title)}</title>`,
    `<style>${stylesheet}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const paragraph = (text: string) => `<p>${h(text)}</p>`;
const list = (tag: 'ul' | 'ol', itemsHtml: string[]) =>
  `<${tag}>\n${itemsHtml.map((i) => `<li>${i}</li>`).join('\n')}\n</${tag}>`;
const anchor = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');

function labelledTable(table: LabelledTable): string {
  const rows = table.rows.map((r) => `<tr><th scope="row">${h(r.label)}</th><td>${h(r.value)}</td></tr>`);
  return `<table>\n<caption>${h(table.caption)}</caption>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function columnTable(table: ColumnTable): string {
  const head = `<tr>${table.columns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr>`;
  const rows = table.rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`);
  return `<table>\n<caption>${h(table.caption)}</caption>\n<thead>\n${head}\n</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function ruleItem(rule: RuleText): string {
  const details = [...rule.exceptions, rule.requirement, rule.consequences].filter((d): d is string => Boolean(d));
  const lead = `<span class="rule-id">${h(rule.id)}</span> <span class="modality">(${h(rule.modality)})</span> ${h(rule.statement)}`;
  return details.length > 0 ? `${lead}\n${list('ul', details.map(h))}` : lead;
}

function procedure(p: ProcedureText): string {
  const parts = [`<h3>Procedure: ${h(p.title)}</h3>`];
  if (p.summary) parts.push(paragraph(p.summary));
  parts.push(paragraph(`Starts ${p.trigger.charAt(0).toLowerCase()}${p.trigger.slice(1)}`));
  parts.push(list('ol', p.steps.map(h)));
  return parts.join('\n');
}
