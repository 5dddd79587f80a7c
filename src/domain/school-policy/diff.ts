// What changed between two versions of a school's policy, rule by rule, in words a governor reads
// at a meeting: "Rule B3 now forbids (must not) … where it advised against (should not) …". Only
// what differs is named; the record keeping (status, dates, history) is not a change of policy.
import type { Policy, Procedure, Rule } from '../policy/index.ts';
import { canonicalText } from './document.ts';
import { modalityStance, modalityWords, rolePlural } from '../policy/render/vocabulary-words.ts';
import { joinWords } from '../policy/render/words.ts';
import type { Modality } from '../policy/vocabulary.ts';

export type RuleAspect =
  | 'modality'
  | 'summary'
  | 'audience'
  | 'topic'
  | 'section'
  | 'conditions'
  | 'exceptions'
  | 'requirements'
  | 'consequences'
  | 'former_staff'
  | 'source';

export interface RuleChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  before?: Rule;
  after?: Rule;
  /** For a changed rule, what about it changed. */
  aspects: RuleAspect[];
  /** One sentence for governors. */
  description: string;
}

export interface ProcedureChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  title: string;
  description: string;
}

export interface PolicyDiff {
  rules: RuleChange[];
  procedures: ProcedureChange[];
  /** Sections, introduction, title and linked policies: one sentence each. */
  document: string[];
}

const pastStance: Readonly<Record<Modality, string>> = {
  must: 'required it (must)',
  must_not: 'forbade it (must not)',
  should: 'recommended it (should)',
  should_not: 'advised against it (should not)',
  may: 'allowed it (may)',
};

const same = (a: unknown, b: unknown) => canonicalText(a) === canonicalText(b);

function aspectsOf(before: Rule, after: Rule): RuleAspect[] {
  const aspects: RuleAspect[] = [];
  if (before.modality !== after.modality) aspects.push('modality');
  if (before.summary !== after.summary) aspects.push('summary');
  if (!same([...before.audience].sort(), [...after.audience].sort())) aspects.push('audience');
  if (before.topic !== after.topic) aspects.push('topic');
  if (before.section !== after.section) aspects.push('section');
  if (!same(before.when, after.when)) aspects.push('conditions');
  if (!same(before.unless, after.unless)) aspects.push('exceptions');
  if (!same(before.requires, after.requires)) aspects.push('requirements');
  if (!same(before.consequences, after.consequences)) aspects.push('consequences');
  if (before.bindsFormerStaff !== after.bindsFormerStaff) aspects.push('former_staff');
  if (before.source !== after.source || before.note !== after.note) aspects.push('source');
  return aspects;
}

const aspectWords: Readonly<Record<Exclude<RuleAspect, 'modality' | 'summary' | 'audience'>, string>> = {
  topic: 'its topic',
  section: 'the section it is in',
  conditions: 'the situations it applies to',
  exceptions: 'its exceptions',
  requirements: 'what it requires first',
  consequences: 'what happens if it is broken',
  former_staff: 'whether it still binds staff who have left',
  source: 'its notes',
};

function describeChangedRule(before: Rule, after: Rule, aspects: readonly RuleAspect[]): string {
  const parts: string[] = [];
  if (aspects.includes('modality')) {
    parts.push(`now ${modalityStance[after.modality].one} where it ${pastStance[before.modality]}`);
  }
  if (aspects.includes('summary')) parts.push(`now reads "${after.summary}" (it read "${before.summary}")`);
  if (aspects.includes('audience')) {
    const names = (rule: Rule) => joinWords(rule.audience.map((role) => rolePlural[role]));
    parts.push(`now applies to ${names(after)} (it applied to ${names(before)})`);
  }
  const others = aspects.filter(
    (aspect) => !['modality', 'summary', 'audience'].includes(aspect),
  ) as (keyof typeof aspectWords)[];
  if (others.length > 0) parts.push(`changes ${joinWords(others.map((aspect) => aspectWords[aspect]))}`);
  return `Rule ${after.id} ${joinWords(parts)}.`;
}

export function diffPolicies(before: Policy, after: Policy): PolicyDiff {
  const rules: RuleChange[] = [];
  const earlierRules = new Map(before.rules.map((rule) => [rule.id, rule]));
  const laterRules = new Map(after.rules.map((rule) => [rule.id, rule]));
  for (const rule of after.rules) {
    const old = earlierRules.get(rule.id);
    if (!old) {
      rules.push({
        id: rule.id,
        kind: 'added',
        after: rule,
        aspects: [],
        description: `Rule ${rule.id} is new, for ${joinWords(rule.audience.map((role) => rolePlural[role]))} (${modalityWords[rule.modality]}): "${rule.summary}".`,
      });
      continue;
    }
    const aspects = aspectsOf(old, rule);
    if (aspects.length > 0) {
      rules.push({
        id: rule.id,
        kind: 'changed',
        before: old,
        after: rule,
        aspects,
        description: describeChangedRule(old, rule, aspects),
      });
    }
  }
  for (const rule of before.rules) {
    if (!laterRules.has(rule.id)) {
      rules.push({
        id: rule.id,
        kind: 'removed',
        before: rule,
        aspects: [],
        description: `Rule ${rule.id} is removed: it said "${rule.summary}".`,
      });
    }
  }

  const procedures: ProcedureChange[] = [];
  const earlierProcedures = new Map(before.procedures.map((p) => [p.id, p]));
  const laterProcedures = new Map(after.procedures.map((p) => [p.id, p]));
  const procedureText = (p: Procedure) => `Procedure ${p.id}, "${p.title}"`;
  for (const procedure of after.procedures) {
    const old = earlierProcedures.get(procedure.id);
    if (!old) {
      procedures.push({
        id: procedure.id,
        kind: 'added',
        title: procedure.title,
        description: `${procedureText(procedure)}, is new.`,
      });
    } else if (!same(old, procedure)) {
      procedures.push({
        id: procedure.id,
        kind: 'changed',
        title: procedure.title,
        description: `${procedureText(procedure)} changes ${joinWords(procedureAspects(old, procedure))}.`,
      });
    }
  }
  for (const procedure of before.procedures) {
    if (!laterProcedures.has(procedure.id)) {
      procedures.push({
        id: procedure.id,
        kind: 'removed',
        title: procedure.title,
        description: `${procedureText(procedure)}, is removed.`,
      });
    }
  }

  return { rules, procedures, document: documentChanges(before, after) };
}

function procedureAspects(before: Procedure, after: Procedure): string[] {
  const aspects: string[] = [];
  if (before.title !== after.title) aspects.push(`its title (it was "${before.title}")`);
  if (!same(before.trigger, after.trigger)) aspects.push('what starts it');
  if (!same(before.steps, after.steps)) aspects.push('its steps');
  if (before.summary !== after.summary || before.section !== after.section) aspects.push('its description');
  if (before.source !== after.source || before.note !== after.note) aspects.push('its notes');
  return aspects.length > 0 ? aspects : ['its wording'];
}

function documentChanges(before: Policy, after: Policy): string[] {
  const lines: string[] = [];
  if (before.title !== after.title) lines.push(`The title is now "${after.title}" (it was "${before.title}").`);
  if (before.introduction !== after.introduction) lines.push('The introduction is reworded.');
  if (!same(before.linkedPolicies, after.linkedPolicies)) lines.push('The list of linked policies changes.');
  if (!same(before.audiences, after.audiences)) lines.push('Who the policy is for changes.');
  const earlier = new Map(before.sections.map((s) => [s.id, s]));
  const later = new Map(after.sections.map((s) => [s.id, s]));
  for (const section of after.sections) {
    const old = earlier.get(section.id);
    if (!old) lines.push(`Section ${section.id}, "${section.heading}", is new.`);
    else if (!same(old, section)) lines.push(`Section ${section.id}, "${section.heading}", is reworded.`);
  }
  for (const section of before.sections) {
    if (!later.has(section.id)) lines.push(`Section ${section.id}, "${section.heading}", is removed.`);
  }
  for (const field of ['author', 'reviewedBy', 'approvedBy'] as const) {
    if (before[field] !== after[field]) lines.push(`The document control's "${fieldNames[field]}" changes.`);
  }
  return lines;
}

const fieldNames = { author: 'author', reviewedBy: 'reviewed by', approvedBy: 'approved by' } as const;

/** True when nothing a reader would notice differs. */
export function isUnchanged(diff: PolicyDiff): boolean {
  return diff.rules.length === 0 && diff.procedures.length === 0 && diff.document.length === 0;
}
