// Several schools' policies side by side, topic by topic: what each says, who is told and what
// follows, and where they differ, in plain words.
import type { Condition } from './condition.ts';
import { numberWords, oppositeTest } from './render/condition-words.ts';
import { audienceWords, requirementWords } from './render/document.ts';
import { describeStep } from './render/steps.ts';
import { topicTitles } from './render/topic-titles.ts';
import { modalityWords } from './render/vocabulary-words.ts';
import { clause } from './render/words.ts';
import type { Policy, Requirement, Rule, Step } from './schema.ts';
import { topics, type Action, type Modality, type Owner, type Role, type Topic } from './vocabulary.ts';
import { describeDifferences } from './render/differences.ts';

export interface AgeLimit {
  person: 'actor' | 'counterpart';
  /** The age at which the rule's answer changes: "under 16" and "15 or under" both give 16. */
  age: number;
  words: string;
}

export interface RuleOnTopic {
  id: string;
  audience: Role[];
  audienceWords: string;
  modality: Modality;
  modalityWords: string;
  summary: string;
  ageLimits: AgeLimit[];
  exceptions: { summary: string; requirements: string[] }[];
  requirements: string[];
}

export interface FollowUp {
  action: Action;
  owner: Owner;
  optional: boolean;
  words: string;
  /** The rule or procedure that asks for it. */
  from: string;
}

export interface PolicyPosition {
  slug: string;
  silent: boolean;
  rules: RuleOnTopic[];
  followUp: FollowUp[];
}

export interface TopicComparison {
  topic: Topic;
  title: string;
  positions: PolicyPosition[];
  differences: string[];
}

export interface PolicyComparison {
  policies: { slug: string; title: string; version: string }[];
  topics: TopicComparison[];
}

export function comparePolicies(policies: readonly Policy[]): PolicyComparison {
  const covered = new Set(policies.flatMap((p) => p.rules.map((r) => r.topic)));
  return {
    policies: policies.map((p) => ({ slug: p.slug, title: p.title, version: p.version })),
    topics: topics
      .filter((t) => covered.has(t))
      .map((topic) => {
        const positions = policies.map((p) => position(p, topic));
        return { topic, title: topicTitles[topic], positions, differences: describeDifferences(positions) };
      }),
  };
}

function position(policy: Policy, topic: Topic): PolicyPosition {
  const rules = policy.rules.filter((r) => r.topic === topic);
  const ids = new Set(rules.map((r) => r.id));
  const followUp: FollowUp[] = [];
  const add = (steps: readonly Step[], from: string) => {
    for (const step of steps) {
      if (followUp.some((f) => f.action === step.action && f.owner === step.owner)) continue;
      const words = describeStep({ ...step, summary: undefined });
      followUp.push({ action: step.action, owner: step.owner, optional: step.optional || !!step.if, words, from });
    }
  };
  for (const rule of rules) add(rule.consequences, rule.id);
  for (const procedure of policy.procedures) {
    if (procedure.trigger.breachOf?.some((id) => ids.has(id))) add(procedure.steps, procedure.id);
  }
  return { slug: policy.slug, silent: rules.length === 0, rules: rules.map(ruleOnTopic), followUp };
}

function ruleOnTopic(rule: Rule): RuleOnTopic {
  const wordings = (requires: readonly Requirement[]) => [...new Set(requires.map((r) => requirementWords([r])))];
  return {
    id: rule.id,
    audience: rule.audience,
    audienceWords: audienceWords(rule.audience),
    modality: rule.modality,
    modalityWords: modalityWords[rule.modality],
    summary: rule.summary,
    ageLimits: [rule.when, ...rule.unless.map((e) => e.when)].flatMap((c) => ageLimits(c)),
    exceptions: rule.unless.map((e) => ({ summary: clause(e.summary), requirements: wordings(e.requires) })),
    requirements: wordings(rule.requires),
  };
}

/** Every age test in a condition, wherever it sits. */
export function ageLimits(condition: Condition | undefined, negated = false): AgeLimit[] {
  if (!condition) return [];
  return Object.entries(condition).flatMap(([key, value]): AgeLimit[] => {
    if (key === 'any' || key === 'all') return (value as Condition[]).flatMap((c) => ageLimits(c, negated));
    if (key === 'not') return ageLimits(value as Condition, !negated);
    if (key !== 'actor.age' && key !== 'counterpart.age') return [];
    const person = key === 'actor.age' ? 'actor' : 'counterpart';
    return ageTests(value, negated).map(([test, n]) => ({
      person,
      age: test === 'above' || test === 'atMost' ? n + 1 : n,
      words: numberWords[test]?.(n) ?? `${test} ${n}`,
    }));
  });
}

function ageTests(test: unknown, negated: boolean): [string, number][] {
  if (typeof test === 'number') return [[negated ? 'not' : 'aged', test]];
  if (Array.isArray(test) || typeof test !== 'object' || test === null) return [];
  return Object.entries(test).flatMap(([op, operand]): [string, number][] => {
    if (op === 'not') return ageTests(operand, !negated);
    const opposite = oppositeTest[op];
    if (typeof operand !== 'number' || opposite === undefined) return [];
    return [[negated ? opposite : op, operand]];
  });
}
