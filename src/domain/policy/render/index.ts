export { documentModel } from './document.ts';
export { policyToMarkdown, escapeMarkdown } from './markdown.ts';
export { policyToHtml, escapeHtml } from './html.ts';
export { describeCondition, describeCircumstance } from './describe-condition.ts';
export { describeStep, describeConsequences } from './steps.ts';
export { formatDate, formatDeadline } from './dates.ts';
export { comparisonToJson, comparisonToMarkdown, comparisonToText } from './comparison.ts';
export type * from './model.ts';
