// Builds the readable document from a policy: document control, history, then each section
// with its rules grouped by audience and its procedures as numbered steps.
import { requirementMeanings } from '../requirements.ts';
import type { Policy, Procedure, Requirement, Rule } from '../schema.ts';
import { roles, type Role } from '../vocabulary.ts';
import { formatDate } from './dates.ts';
import { describeCircumstance } from './describe-condition.ts';
import type { AudienceGroup, ColumnTable, LabelledTable, PolicyDocument, ProcedureText, RuleText } from './model.ts';
import { describeConsequences, describeStep } from './steps.ts';
import { modalityWords, rolePlural, statusWords } from './vocabulary-words.ts';
import { capitalise, clause, joinWords, paragraphs, sentence } from './words.ts';

export function documentModel(policy: Policy): PolicyDocument {
  const procedures = (section?: string) => policy.procedures.filter((p) => p.section === section).map(procedureText);
  return {
    slug: policy.slug,
    title: policy.title,
    issuedTo: policy.issuedTo,
    documentControl: documentControl(policy),
    ...(policy.history.length > 0 && { versionHistory: versionHistory(policy) }),
    linkedPolicies: policy.linkedPolicies,
    introduction: paragraphs(policy.introduction),
    ...(policy.source && { source: policy.source }),
    sections: policy.sections.map((section) => ({
      id: section.id,
      heading: /^([A-Za-z]|\d+)(\.\d+)*$/.test(section.id) ? `${section.id}. ${section.heading}` : section.heading,
      introduction: paragraphs(section.introduction),
      groups: groupByAudience(policy.rules.filter((r) => r.section === section.id)),
      procedures: procedures(section.id),
    })),
    procedures: procedures(undefined),
  };
}

function documentControl(policy: Policy): LabelledTable {
  const { dates } = policy;
  const dateList = (list: string[]) => (list.length > 0 ? joinWords(list.map(formatDate)) : undefined);
  const rows: [string, string | undefined][] = [
    ['Author', policy.author],
    ['Reviewed by', policy.reviewedBy],
    ['Approved by', policy.approvedBy],
    ['Status', statusWords[policy.status]],
    ['Version', policy.version],
    ['Written', dates.written && formatDate(dates.written)],
    ['Updated', dateList(dates.updated)],
    ['Ratified', dateList(dates.ratified)],
    ['Published', dates.published && formatDate(dates.published)],
    ['Review due', dates.reviewDue && formatDate(dates.reviewDue)],
    ['Issued to', joinWords(policy.issuedTo)],
  ];
  return {
    caption: 'Document control',
    rows: rows.flatMap(([label, value]) => (value ? [{ label, value }] : [])),
  };
}

function versionHistory(policy: Policy): ColumnTable {
  return {
    caption: 'Version history',
    columns: ['Version', 'Date', 'Amended by', 'Comments'],
    rows: policy.history.map((h) => [h.version, h.date ? formatDate(h.date) : '', h.amendedBy ?? '', h.comments ?? '']),
  };
}

/** Rules for the same people sit together, in the order the policy first speaks to them. */
function groupByAudience(rules: Rule[]): AudienceGroup[] {
  const groups = new Map<string, AudienceGroup>();
  for (const rule of rules) {
    const audience = audienceWords(rule.audience);
    const group = groups.get(audience) ?? { audience, rules: [] };
    group.rules.push(ruleText(rule, audience));
    groups.set(audience, group);
  }
  return [...groups.values()];
}

export function audienceWords(audience: readonly Role[]): string {
  const ordered = roles.filter((r) => audience.includes(r));
  return capitalise(joinWords(ordered.map((r) => rolePlural[r])));
}

function ruleText(rule: Rule, audience: string): RuleText {
  const modality = modalityWords[rule.modality];
  // Summaries are usually whole sentences already ("Staff must not …"); a bare phrase gets its subject.
  const statement = /^[A-Z]/.test(rule.summary.trim())
    ? sentence(rule.summary)
    : sentence(`${audience} ${modality} ${rule.summary}`);
  const text: RuleText = {
    id: rule.id,
    modality,
    statement,
    exceptions: rule.unless.map((e) => {
      const only = e.requires.length > 0 ? ` (only if ${requirementWords(e.requires)})` : '';
      return `Except: ${clause(e.summary)}${only}.`;
    }),
  };
  if (rule.requires.length > 0) {
    // A duty is met by what it requires; a prohibition or permission holds only once it is in place.
    const lead = rule.modality === 'must' || rule.modality === 'should' ? 'Required:' : 'Only if';
    text.requirement = sentence(`${lead} ${requirementWords(rule.requires)}`);
  }
  const consequences = describeConsequences(rule.consequences);
  if (consequences) text.consequences = consequences;
  if (rule.source) text.source = rule.source;
  if (rule.note) text.note = rule.note;
  return text;
}

export function requirementWords(requires: readonly Requirement[]): string {
  return joinWords(requires.map((r) => requirementMeanings[typeof r === 'string' ? r : r.fact].wording));
}

function procedureText(procedure: Procedure): ProcedureText {
  const { breachOf, when } = procedure.trigger;
  const broken = breachOf
    ? breachOf.length === 1
      ? `when rule ${breachOf[0]} is broken`
      : `when any of rules ${joinWords(breachOf, 'or')} is broken`
    : undefined;
  const trigger = sentence([broken, when && describeCircumstance(when)].filter(Boolean).join(', '));
  return {
    id: procedure.id,
    title: procedure.title,
    ...(procedure.summary && { summary: sentence(procedure.summary) }),
    trigger,
    steps: procedure.steps.map(describeStep),
  };
}
