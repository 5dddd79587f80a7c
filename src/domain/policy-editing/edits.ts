// Changing a draft policy one piece at a time, without touching the policy given: each edit
// returns the changed copy, or why it cannot be made. Removals that would leave something
// pointing at nothing are refused here, with what to do first.
import type { Policy, Procedure, Rule } from '../policy/schema.ts';
import { joinWords } from '../policy/render/words.ts';

export type Edited = { ok: true; policy: Policy } | { ok: false; field: string; message: string };

type Section = Policy['sections'][number];

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const idsInUse = (policy: Policy) => new Set([...policy.rules, ...policy.procedures].map((item) => item.id));

function checkNewId(policy: Policy, id: string, taken: Set<string>, what: string): Edited | undefined {
  if (id === '') return { ok: false, field: 'id', message: `Enter an id for the ${what}, such as A9` };
  if (!idPattern.test(id))
    return {
      ok: false,
      field: 'id',
      message: 'Use letters, digits, dots, dashes or underscores for the id, such as A9',
    };
  if (taken.has(id)) return { ok: false, field: 'id', message: `The id ${id} is already used: choose another` };
  return undefined;
}

export interface DocumentDetails {
  title: string;
  author?: string;
  reviewedBy?: string;
  approvedBy?: string;
  linkedPolicies: string[];
  introduction?: string;
}

export function changeDetails(policy: Policy, details: DocumentDetails): Edited {
  const { author: _a, reviewedBy: _r, approvedBy: _p, introduction: _i, ...rest } = policy;
  return {
    ok: true,
    policy: {
      ...rest,
      title: details.title,
      ...(details.author !== undefined && { author: details.author }),
      ...(details.reviewedBy !== undefined && { reviewedBy: details.reviewedBy }),
      ...(details.approvedBy !== undefined && { approvedBy: details.approvedBy }),
      linkedPolicies: details.linkedPolicies,
      ...(details.introduction !== undefined && { introduction: details.introduction }),
    },
  };
}

export function addSection(policy: Policy, section: Section): Edited {
  const refused = checkNewId(policy, section.id, new Set(policy.sections.map((s) => s.id)), 'section');
  if (refused) return refused;
  return { ok: true, policy: { ...policy, sections: [...policy.sections, section] } };
}

export function changeSection(policy: Policy, id: string, change: Omit<Section, 'id'>): Edited {
  if (!policy.sections.some((s) => s.id === id)) return missing('section', id);
  return {
    ok: true,
    policy: { ...policy, sections: policy.sections.map((s) => (s.id === id ? { id, ...change } : s)) },
  };
}

export function removeSection(policy: Policy, id: string): Edited {
  if (!policy.sections.some((s) => s.id === id)) return missing('section', id);
  const rules = policy.rules.filter((r) => r.section === id).map((r) => r.id);
  const procedures = policy.procedures.filter((p) => p.section === id).map((p) => p.id);
  if (rules.length > 0 || procedures.length > 0) {
    const still = [
      rules.length > 0 ? `${rules.length === 1 ? 'rule' : 'rules'} ${joinWords(rules)}` : '',
      procedures.length > 0 ? `${procedures.length === 1 ? 'procedure' : 'procedures'} ${joinWords(procedures)}` : '',
    ].filter(Boolean);
    return {
      ok: false,
      field: 'section',
      message: `Section ${id} still has ${joinWords(still)}: move them to another section or remove them first`,
    };
  }
  if (policy.sections.length === 1)
    return {
      ok: false,
      field: 'section',
      message: 'A policy needs at least one section: add another before removing this one',
    };
  return { ok: true, policy: { ...policy, sections: policy.sections.filter((s) => s.id !== id) } };
}

/** A new rule goes after the last rule of its section, so that the document reads in order. */
export function addRule(policy: Policy, rule: Rule): Edited {
  const refused = checkNewId(policy, rule.id, idsInUse(policy), 'rule');
  if (refused) return refused;
  const lastOfSection = policy.rules.findLastIndex((r) => r.section === rule.section);
  const at = lastOfSection === -1 ? policy.rules.length : lastOfSection + 1;
  return { ok: true, policy: { ...policy, rules: policy.rules.toSpliced(at, 0, rule) } };
}

/** The rule keeps its id, which procedures name in their triggers. */
export function replaceRule(policy: Policy, id: string, rule: Rule): Edited {
  if (!policy.rules.some((r) => r.id === id)) return missing('rule', id);
  return { ok: true, policy: { ...policy, rules: policy.rules.map((r) => (r.id === id ? { ...rule, id } : r)) } };
}

/** The procedures that start when the rule is broken. */
export function proceduresTriggeredBy(policy: Policy, ruleId: string): Procedure[] {
  return policy.procedures.filter((p) => p.trigger.breachOf?.includes(ruleId));
}

export function removeRule(policy: Policy, id: string): Edited {
  if (!policy.rules.some((r) => r.id === id)) return missing('rule', id);
  const triggered = proceduresTriggeredBy(policy, id);
  if (triggered.length > 0) {
    const names = joinWords(triggered.map((p) => `“${p.title}” (${p.id})`));
    const one = triggered.length === 1;
    return {
      ok: false,
      field: 'rule',
      message: `Rule ${id} cannot be removed: ${one ? 'the procedure' : 'the procedures'} ${names} ${one ? 'starts' : 'start'} when it is broken. Take ${id} out of ${one ? 'its trigger' : 'their triggers'} first`,
    };
  }
  return { ok: true, policy: { ...policy, rules: policy.rules.filter((r) => r.id !== id) } };
}

export function replaceProcedure(policy: Policy, id: string, procedure: Procedure): Edited {
  if (!policy.procedures.some((p) => p.id === id)) return missing('procedure', id);
  return {
    ok: true,
    policy: { ...policy, procedures: policy.procedures.map((p) => (p.id === id ? { ...procedure, id } : p)) },
  };
}

function missing(what: string, id: string): Edited {
  return { ok: false, field: what, message: `There is no ${what} ${id} in the draft` };
}
