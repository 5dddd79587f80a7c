export { evaluate, compilePolicy } from './evaluate.ts';
export { parsePolicy, formatProblem, type PolicyProblem, type ParseResult } from './parse.ts';
export { policySchema, type Policy, type Rule, type Procedure, type Step } from './schema.ts';
export { situationSchema, type Situation } from './situation.ts';
export type { Outcome, Finding, RequiredAction, Verdict } from './outcome.ts';
