// A version's text as the document-body template lays it out: sections with their anchors (the
// "Check the policy" answers link to #rule-B3), rules with their details, procedures with how
// they start. Used by the public page and by the page governors read a version on.
import type { PolicyDocument, ProcedureText } from '../../domain/policy/render/index.ts';

/** Where a rule or section can be linked to. */
export const anchor = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');

const withStart = (procedure: ProcedureText) => ({
  ...procedure,
  starts: `Starts ${procedure.trigger.charAt(0).toLowerCase()}${procedure.trigger.slice(1)}`,
});

export function readableText(readable: PolicyDocument) {
  return {
    document: readable,
    sections: readable.sections.map((section) => ({
      ...section,
      anchor: `section-${anchor(section.id)}`,
      groups: section.groups.map((group) => ({
        audience: group.audience,
        rules: group.rules.map((rule) => ({
          ...rule,
          anchor: `rule-${anchor(rule.id)}`,
          details: [...rule.exceptions, rule.requirement, rule.consequences].filter(Boolean),
        })),
      })),
      procedures: section.procedures.map(withStart),
    })),
    procedures: readable.procedures.map(withStart),
  };
}
