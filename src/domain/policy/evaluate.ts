// The evaluation engine: given a school's policy and a situation, which of its rules apply,
// which are broken, and what must happen now. Pure and deterministic; the policy is compiled
// once into predicates and reused.
import { compileCondition, type Predicate } from './condition.ts';
import type { Finding, FindingStatus, Outcome, RequiredAction, Verdict } from './outcome.ts';
import { requirementMeanings } from './requirements.ts';
import type { Policy, Procedure, Requirement, Rule, Step } from './schema.ts';
import type { Situation } from './situation.ts';
import { rolesCoveredBy, type Action, type Role } from './vocabulary.ts';

interface CompiledRequirement {
  met: Predicate<Situation>;
  action: Action;
}
interface CompiledStep {
  step: Step;
  applies: Predicate<Situation>;
}
interface CompiledRule {
  rule: Rule;
  acts: ReadonlySet<string> | undefined;
  section: string;
  audience: ReadonlySet<Role>;
  applies: Predicate<Situation>;
  exceptions: { summary: string; applies: Predicate<Situation>; requires: CompiledRequirement[] }[];
  requires: CompiledRequirement[];
  consequences: CompiledStep[];
}
interface CompiledProcedure {
  procedure: Procedure;
  acts: ReadonlySet<string> | undefined;
  breachOf: ReadonlySet<string> | undefined;
  applies: Predicate<Situation>;
  steps: CompiledStep[];
}
interface Candidates {
  rules: CompiledRule[];
  procedures: CompiledProcedure[];
  /** For each candidate rule (by position), the procedures (by position) its breach starts. */
  startedBy: number[][];
}
interface CompiledPolicy {
  header: Outcome['policy'];
  rules: CompiledRule[];
  procedures: CompiledProcedure[];
  /** The rules and procedures that could apply to one role doing one act, worked out once. */
  candidates: Map<Role, Map<string, Candidates>>;
}

const compiled = new WeakMap<Policy, CompiledPolicy>();

function compileRequirement(requirement: Requirement): CompiledRequirement {
  const kind = typeof requirement === 'string' ? requirement : requirement.fact;
  const meaning = requirementMeanings[kind];
  return { met: meaning.met, action: typeof requirement === 'string' ? meaning.action : requirement.action };
}

const compileStep = (step: Step): CompiledStep => ({ step, applies: compileCondition(step.when) });

export function compilePolicy(policy: Policy): CompiledPolicy {
  const cached = compiled.get(policy);
  if (cached) return cached;
  const headings = new Map(policy.sections.map((s) => [s.id, `${s.id}. ${s.heading}`]));
  const result: CompiledPolicy = {
    header: { slug: policy.slug, version: policy.version, title: policy.title },
    rules: policy.rules
      .filter((rule) => rule.when !== undefined)
      .map((rule) => ({
        rule,
        acts: actsNamedBy(rule.when),
        section: headings.get(rule.section) ?? rule.section,
        audience: new Set(rule.audience.flatMap(rolesCoveredBy)),
        applies: compileCondition(rule.when),
        exceptions: rule.unless.map((e) => ({
          summary: e.summary,
          applies: compileCondition(e.when),
          requires: e.requires.map(compileRequirement),
        })),
        requires: rule.requires.map(compileRequirement),
        consequences: rule.consequences.map(compileStep),
      })),
    procedures: policy.procedures.map((procedure) => ({
      procedure,
      acts: actsNamedBy(procedure.trigger.when),
      breachOf: procedure.trigger.breachOf ? new Set(procedure.trigger.breachOf) : undefined,
      applies: compileCondition(procedure.trigger.when),
      steps: procedure.steps.map(compileStep),
    })),
    candidates: new Map(),
  };
  compiled.set(policy, result);
  return result;
}

/**
 * The acts a condition limits itself to, or undefined when it could match any act. Most rules
 * name their act, so a question only has to look at the rules for what was done.
 */
function actsNamedBy(condition: Readonly<Record<string, unknown>> | undefined): ReadonlySet<string> | undefined {
  if (!condition) return undefined;
  const act = condition.act;
  if (typeof act === 'string') return new Set([act]);
  if (Array.isArray(act)) return new Set(act as string[]);
  const branches = condition.any;
  if (Array.isArray(branches)) {
    const each = (branches as Readonly<Record<string, unknown>>[]).map(actsNamedBy);
    if (each.every((acts) => acts !== undefined)) return new Set(each.flatMap((acts) => [...acts]));
  }
  return undefined;
}

function candidatesFor(policy: CompiledPolicy, role: Role, act: string): Candidates {
  let byAct = policy.candidates.get(role);
  if (!byAct) policy.candidates.set(role, (byAct = new Map<string, Candidates>()));
  let found = byAct.get(act);
  if (!found) {
    const mayDo = (acts: ReadonlySet<string> | undefined) => acts === undefined || acts.has(act);
    const rules = policy.rules.filter((c) => c.audience.has(role) && mayDo(c.acts));
    const procedures = policy.procedures.filter((p) => mayDo(p.acts));
    const startedBy = rules.map(({ rule }) => procedures.flatMap((p, i) => (p.breachOf?.has(rule.id) ? [i] : [])));
    found = { rules, procedures, startedBy };
    byAct.set(act, found);
  }
  return found;
}

/** Collects actions in order, once each; a required mention outranks an optional one. */
class ActionList {
  readonly list: RequiredAction[] = [];
  private readonly seen = new Map<Action, RequiredAction>();
  private readonly situation: Situation;
  constructor(situation: Situation) {
    this.situation = situation;
  }

  private ownerRole(owner: string): string {
    if (owner === 'actor') return this.situation.actor.role;
    if (owner === 'counterpart') return this.situation.counterpart?.role ?? owner;
    return owner;
  }

  add(wanted: Action, owner: string, because: string, step?: Step): void {
    // Nobody reports to themselves: a Headteacher's own conduct goes to the chair of governors.
    const action: Action =
      wanted === 'notify_headteacher' && this.situation.actor.role === 'headteacher'
        ? 'notify_chair_of_governors'
        : wanted;
    const optional = step ? step.optional || step.if !== undefined : false;
    const entry: RequiredAction = { action, owner: this.ownerRole(owner), because };
    if (optional) entry.optional = true;
    if (step?.if) entry.if = step.if;
    if (step?.deadline) entry.deadline = step.deadline;
    const earlier = this.seen.get(action);
    if (!earlier) {
      this.seen.set(action, entry);
      this.list.push(entry);
    } else if (earlier.optional && !optional) {
      Object.assign(earlier, entry);
      delete earlier.optional;
      delete earlier.if;
    }
  }

  addSteps(steps: CompiledStep[], situation: Situation, because: string): void {
    for (const { step, applies } of steps) {
      if (applies(situation)) this.add(step.action, step.owner, because, step);
    }
  }
}

export function evaluate(policy: Policy, situation: Situation): Outcome {
  const compiledPolicy = compilePolicy(policy);
  const findings: Finding[] = [];
  const actions = new ActionList(situation);
  let verdict: Verdict = 'not_covered';

  const formerStaff = situation.actor.formerEmployee === true && employees.has(situation.actor.role);
  const candidates = candidatesFor(compiledPolicy, situation.actor.role, situation.act);
  const started = new Array<boolean>(candidates.procedures.length).fill(false);
  for (let r = 0; r < candidates.rules.length; r++) {
    const c = candidates.rules[r]!;
    if (!c.applies(situation)) continue;
    if (formerStaff && !c.rule.bindsFormerStaff) continue;
    const { rule } = c;
    const exception =
      c.exceptions.length === 0
        ? undefined
        : c.exceptions.find((e) => e.applies(situation) && e.requires.every((r) => r.met(situation)));
    let status: FindingStatus;
    if (exception) status = 'exception_applies';
    else if (rule.modality === 'may') status = 'satisfied';
    else {
      const unmet = c.requires.length === 0 ? c.requires : c.requires.filter((r) => !r.met(situation));
      status = c.requires.length === 0 || unmet.length > 0 ? 'violated' : 'satisfied';
      if (status === 'violated') {
        for (const p of candidates.startedBy[r]!) started[p] = true;
        actions.addSteps(c.consequences, situation, rule.id);
        for (const r of unmet) actions.add(r.action, 'actor', rule.id);
        // An exception that would apply once something is on record says what to put on record.
        for (const e of c.exceptions) {
          if (!e.applies(situation)) continue;
          for (const r of e.requires) if (!r.met(situation)) actions.add(r.action, 'actor', rule.id);
        }
      }
    }
    const finding: Finding = {
      rule: rule.id,
      section: c.section,
      topic: rule.topic,
      modality: rule.modality,
      status,
      summary: rule.summary,
    };
    if (exception) finding.exception = exception.summary;
    findings.push(finding);
    verdict = strongerVerdict(verdict, status, rule);
  }

  for (let i = 0; i < candidates.procedures.length; i++) {
    const p = candidates.procedures[i]!;
    if (p.breachOf && !started[i]) continue;
    if (!p.applies(situation)) continue;
    actions.addSteps(p.steps, situation, p.procedure.id);
  }

  return { policy: compiledPolicy.header, verdict, findings, actions: actions.list };
}

/** Someone who has left the school's employment is bound only by rules that say so. */
const employees: ReadonlySet<Role> = new Set(rolesCoveredBy('staff'));

const verdictRank: Readonly<Record<Verdict, number>> = { not_covered: 0, permitted: 1, advised_against: 2, breach: 3 };

function strongerVerdict(current: Verdict, status: FindingStatus, rule: Rule): Verdict {
  let found: Verdict = 'permitted';
  if (status === 'violated')
    found = rule.modality === 'must' || rule.modality === 'must_not' ? 'breach' : 'advised_against';
  return verdictRank[found] > verdictRank[current] ? found : current;
}
