// The draft's contents: its details, its sections in order with their rules and procedures, a
// link to change each, and what still has to be fixed before the governors can have it.
import { audienceWords } from '../../../domain/policy/render/document.ts';
import { modalityWords } from '../../../domain/policy/render/vocabulary-words.ts';
import { placeholderProblems, placeProblems } from '../../../domain/policy-editing/problems.ts';
import { checkDraft } from '../../../services/school-policy.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable } from './draft.ts';

const savedWords: Record<string, (id: string) => string> = {
  details: () => 'The policy’s details have been saved.',
  section: (id) => `Section ${id} has been saved.`,
  'section-removed': (id) => `Section ${id} has been removed.`,
  rule: (id) => `Rule ${id} has been saved.`,
  'rule-removed': (id) => `Rule ${id} has been removed.`,
  procedure: (id) => `Procedure ${id} has been saved.`,
  'procedure-removed': (id) => `Procedure ${id} has been removed.`,
  imported: () => 'The draft has been replaced with the file you imported.',
};

export const contentsRoutes: RoutePlugin = async (app, { services }) => {
  app.get<{ Querystring: { saved?: string; id?: string } }>(
    '/policy/draft',
    { config: { access: 'edit_policy' } },
    async (request, reply) => {
      const inHand = await draftInHand(services, request.viewer!);
      if (!inHand.editable) return notEditable(reply, inHand);
      const { policy, version } = inHand;
      const checked = checkDraft(policy);
      const problems = placeProblems(policy, [...(checked.ok ? [] : checked.problems), ...placeholderProblems(policy)]);
      const link = (kind: string, id: string) => `/policy/draft/${kind}/${encodeURIComponent(id)}`;
      const saved = savedWords[request.query.saved ?? '']?.(String(request.query.id ?? '').slice(0, 40));
      return draftPage(reply, 'policy-draft/contents.njk', {
        pageTitle: 'Change the draft policy',
        version: { label: version.label, number: version.number },
        policy,
        ...(saved && { saved }),
        problems,
        details: [
          { key: 'Title', value: policy.title },
          { key: 'Author', value: policy.author ?? 'Not given' },
          { key: 'Reviewed by', value: policy.reviewedBy ?? 'Not given' },
          { key: 'Approved by', value: policy.approvedBy ?? 'Not given' },
          { key: 'Linked policies', lines: policy.linkedPolicies },
          {
            key: 'Introduction',
            value: policy.introduction ? `${policy.introduction.split(/\n\s*\n/).length} paragraphs` : 'None',
          },
        ],
        sections: policy.sections.map((section) => ({
          id: section.id,
          heading: section.heading,
          href: link('sections', section.id),
          addRule: `/policy/draft/rules/new?section=${encodeURIComponent(section.id)}`,
          rules: policy.rules
            .filter((rule) => rule.section === section.id)
            .map((rule) => ({
              id: rule.id,
              href: link('rules', rule.id),
              audience: audienceWords(rule.audience),
              modality: modalityWords[rule.modality],
              summary: rule.summary,
            })),
          procedures: policy.procedures
            .filter((p) => p.section === section.id)
            .map((p) => ({ id: p.id, title: p.title, href: link('procedures', p.id), steps: p.steps.length })),
        })),
        looseProcedures: policy.procedures
          .filter((p) => p.section === undefined || !policy.sections.some((s) => s.id === p.section))
          .map((p) => ({ id: p.id, title: p.title, href: link('procedures', p.id), steps: p.steps.length })),
      });
    },
  );
};
