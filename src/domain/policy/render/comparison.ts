// A comparison of policies as Markdown, plain text or JSON.
import type { PolicyComparison, PolicyPosition, RuleOnTopic } from '../compare.ts';
import { escapeMarkdown as md } from './markdown.ts';
import { joinWords } from './words.ts';

export function comparisonToJson(comparison: PolicyComparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

function ruleDetails(rule: RuleOnTopic): string[] {
  return [
    ...rule.exceptions.map(
      (e) => `Except: ${e.summary}${e.requirements.length > 0 ? ` (only if ${joinWords(e.requirements)})` : ''}`,
    ),
    ...rule.requirements.map((r) => `Requires that ${r}`),
    ...rule.ageLimits.map(
      (a) => `Age: ${a.person === 'actor' ? 'the person acting is' : 'the other person is'} ${a.words}`,
    ),
  ];
}

export function comparisonToMarkdown(comparison: PolicyComparison): string {
  const out = [`# Comparing ${md(comparison.policies.map((p) => p.slug).join(', '))}`];
  for (const topic of comparison.topics) {
    out.push(`## ${md(topic.title)} (\`${topic.topic}\`)`);
    for (const position of topic.positions) out.push(`### ${md(position.slug)}`, positionMarkdown(position));
    out.push(
      '#### Differences',
      topic.differences.length > 0 ? topic.differences.map((d) => `- ${md(d)}`).join('\n') : 'None found.',
    );
  }
  return `${out.join('\n\n')}\n`;
}

function positionMarkdown(position: PolicyPosition): string {
  if (position.silent) return 'Silent: this policy has no rule on this topic.';
  const rules = position.rules.map((r) =>
    [
      `- **${md(r.id)}** (${r.modalityWords}; ${md(r.audienceWords.toLowerCase())}) ${md(r.summary)}`,
      ...ruleDetails(r).map((d) => `  - ${md(d)}`),
    ].join('\n'),
  );
  const followUp =
    position.followUp.length > 0
      ? position.followUp.map((f) => `- ${md(f.words)} (${md(f.from)})`)
      : ['- Nothing stated.'];
  return [rules.join('\n'), 'What follows a breach:', followUp.join('\n')].join('\n\n');
}

export function comparisonToText(comparison: PolicyComparison): string {
  const lines = [`Comparing ${comparison.policies.map((p) => p.slug).join(', ')}`];
  for (const topic of comparison.topics) {
    lines.push('', `${topic.title} (${topic.topic})`);
    for (const position of topic.positions) {
      if (position.silent) {
        lines.push(`  ${position.slug}: silent`);
        continue;
      }
      lines.push(`  ${position.slug}:`);
      for (const r of position.rules) {
        lines.push(`    ${r.id} [${r.modalityWords}; ${r.audienceWords.toLowerCase()}] ${r.summary}`);
        lines.push(...ruleDetails(r).map((d) => `      ${d}`));
      }
      const followUp = position.followUp.map((f) => `${f.words} (${f.from})`);
      lines.push(`    What follows a breach: ${followUp.length > 0 ? '' : 'nothing stated'}`.trimEnd());
      lines.push(...followUp.map((f) => `      - ${f}`));
    }
    lines.push(
      '  Differences:',
      ...(topic.differences.length > 0 ? topic.differences.map((d) => `    - ${d}`) : ['    none found']),
    );
  }
  return `${lines.join('\n')}\n`;
}
