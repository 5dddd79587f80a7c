// The readable document as Markdown (CommonMark with GitHub tables).
import type { ColumnTable, LabelledTable, PolicyDocument, ProcedureText, RuleText } from './model.ts';

/** Escapes text so that Markdown shows it as written, inside a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

const md = escapeMarkdown;

/** Text that starts a line, where "1." or "#" would otherwise begin a list or a heading. */
const block = (text: string) =>
  md(text)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([#+-])/, '\\$1');

export function policyToMarkdown(doc: PolicyDocument): string {
  const out: string[] = [`# ${md(doc.title)}`, `Issued to: ${md(doc.issuedTo.join(', '))}`];
  out.push(`## ${md(doc.documentControl.caption)}`, labelledTable(doc.documentControl));
  if (doc.versionHistory) out.push(`## ${md(doc.versionHistory.caption)}`, columnTable(doc.versionHistory));
  if (doc.linkedPolicies.length > 0)
    out.push('## Linked policies', doc.linkedPolicies.map((p) => `- ${md(p)}`).join('\n'));
  if (doc.introduction.length > 0 || doc.source) {
    out.push('## Introduction', ...doc.introduction.map(block));
    if (doc.source) out.push(`Encoded from: ${md(doc.source)}`);
  }
  for (const section of doc.sections) {
    out.push(`## ${md(section.heading)}`, ...section.introduction.map(block));
    for (const group of section.groups) {
      out.push(`### ${md(group.audience)}`, group.rules.map(ruleItem).join('\n'));
    }
    out.push(...section.procedures.map((p) => procedure(p, '###')));
  }
  if (doc.procedures.length > 0) out.push('## Procedures', ...doc.procedures.map((p) => procedure(p, '###')));
  return `${out.join('\n\n')}\n`;
}

function labelledTable(table: LabelledTable): string {
  return ['| Item | Detail |', '| --- | --- |', ...table.rows.map((r) => `| ${md(r.label)} | ${md(r.value)} |`)].join(
    '\n',
  );
}

function columnTable(table: ColumnTable): string {
  const row = (cells: string[]) => `| ${cells.map(md).join(' | ')} |`;
  return [row(table.columns), `|${' --- |'.repeat(table.columns.length)}`, ...table.rows.map(row)].join('\n');
}

function ruleItem(rule: RuleText): string {
  const details = [...rule.exceptions, rule.requirement, rule.consequences].filter((d): d is string => Boolean(d));
  return [`- **${md(rule.id)}** (${rule.modality}) ${md(rule.statement)}`, ...details.map((d) => `  - ${md(d)}`)].join(
    '\n',
  );
}

function procedure(p: ProcedureText, level: string): string {
  const lines = [`${level} Procedure: ${md(p.title)}`];
  if (p.summary) lines.push(block(p.summary));
  lines.push(`Starts ${md(p.trigger.charAt(0).toLowerCase() + p.trigger.slice(1))}`);
  lines.push(p.steps.map((s, i) => `${i + 1}. ${md(s)}`).join('\n'));
  return lines.join('\n\n');
}
