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
  const example = what === 'exception' ? 'family-link' : what === 'procedure' ? 'P-CLUBS' : 'A9';
  if (id === '') return { ok: false, field: 'id', message: `Enter an id for the ${what}, such as ${example}` };
  if (!idPattern.test(id))
    return {
      ok: false,
      field: 'id',
      message: `Use letters, digits, dots, dashes or underscores for the id, such as ${example}`,
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

/** A new procedure goes after the last procedure of its section. */
export function addProcedure(policy: Policy, procedure: Procedure): Edited {
  const refused = checkNewId(policy, procedure.id, idsInUse(policy), 'procedure');
  if (refused) return refused;
  const lastOfSection = policy.procedures.findLastIndex((p) => p.section === procedure.section);
  const at = lastOfSection === -1 ? policy.procedures.length : lastOfSection + 1;
  return { ok: true, policy: { ...policy, procedures: policy.procedures.toSpliced(at, 0, procedure) } };
}

/** Nothing in a policy names a procedure, so one can always go. */
export function removeProcedure(policy: Policy, id: string): Edited {
  if (!policy.procedures.some((p) => p.id === id)) return missing('procedure', id);
  return { ok: true, policy: { ...policy, procedures: policy.procedures.filter((p) => p.id !== id) } };
}

type Exception = Rule['unless'][number];

function withExceptions(policy: Policy, ruleId: string, change: (unless: Exception[]) => Exception[]): Policy {
  return {
    ...policy,
    rules: policy.rules.map((r) => (r.id === ruleId ? { ...r, unless: change(r.unless) } : r)),
  };
}

/** An exception's id need only be unique among the rule's own exceptions. */
export function addException(policy: Policy, ruleId: string, exception: Exception): Edited {
  const rule = policy.rules.find((r) => r.id === ruleId);
  if (!rule) return missing('rule', ruleId);
  const refused = checkNewId(policy, exception.id, new Set(rule.unless.map((e) => e.id)), 'exception');
  if (refused) return refused;
  return { ok: true, policy: withExceptions(policy, ruleId, (unless) => [...unless, exception]) };
}

export function replaceException(policy: Policy, ruleId: string, id: string, exception: Exception): Edited {
  const rule = policy.rules.find((r) => r.id === ruleId);
  if (!rule) return missing('rule', ruleId);
  if (!rule.unless.some((e) => e.id === id)) return missing('exception', id);
  return {
    ok: true,
    policy: withExceptions(policy, ruleId, (unless) => unless.map((e) => (e.id === id ? { ...exception, id } : e))),
  };
}

export function removeException(policy: Policy, ruleId: string, id: string): Edited {
  const rule = policy.rules.find((r) => r.id === ruleId);
  if (!rule) return missing('rule', ruleId);
  if (!rule.unless.some((e) => e.id === id)) return missing('exception', id);
  return { ok: true, policy: withExceptions(policy, ruleId, (unless) => unless.filter((e) => e.id !== id)) };
}

function missing(what: string, id: string): Edited {
  return { ok: false, field: what, message: `There is no ${what} ${id} in the draft` };
}
