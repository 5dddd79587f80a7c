// The draft as the school community will read it, and a question put to it: who does what, and
// the engine's answer from the draft as it stands, with the rules that decided it.
import { evaluate } from '../../../domain/policy/index.ts';
import { documentModel } from '../../../domain/policy/render/index.ts';
import { actionWords, modalityWords, ownerWords } from '../../../domain/policy/render/vocabulary-words.ts';
import { formatDeadline } from '../../../domain/policy/render/dates.ts';
import { capitalise } from '../../../domain/policy/render/words.ts';
import type { Owner } from '../../../domain/policy/vocabulary.ts';
import { bodyOf } from '../../../domain/policy-editing/form-values.ts';
import { asked, questionValuesFrom, readQuestion, verdictWords } from '../../../domain/policy-editing/question.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { draftInHand, draftPage, notEditable } from './draft.ts';
import { actOptions, labelBoxes, placeBoxes, roleOptions } from './words.ts';

const statusWords = {
  violated: 'Broken',
  satisfied: 'Kept',
  exception_applies: 'An exception applies',
} as const;

export const previewRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/policy/draft/preview', { config: { access: 'edit_policy' } }, async (request, reply) => {
    const inHand = await draftInHand(services, request.viewer!);
    if (!inHand.editable) return notEditable(reply, inHand);
    const { policy } = inHand;
    const values = questionValuesFrom(bodyOf(request.query));
    const question = asked(values) ? readQuestion(values) : undefined;
    const outcome = question?.ok ? evaluate(policy, question.situation) : undefined;
    return draftPage(
      reply,
      'policy-draft/preview.njk',
      {
        pageTitle: 'Preview the draft policy',
        fieldOrder: ['role', 'act', 'otherRole', 'otherAge'],
        document: documentModel(policy),
        values,
        errors: question && !question.ok ? question.errors : {},
        choices: {
          roles: roleOptions(values.role, 'Choose who'),
          acts: actOptions(values.act),
          otherRoles: roleOptions(values.otherRole, 'Nobody in particular'),
          labels: labelBoxes(values.labels),
          places: placeBoxes(values.places),
        },
        ...(outcome && {
          answer: {
            ...verdictWords[outcome.verdict],
            verdict: outcome.verdict,
            findings: outcome.findings.map((finding) => ({
              rule: finding.rule,
              href: `/policy/draft/rules/${encodeURIComponent(finding.rule)}`,
              modality: modalityWords[finding.modality],
              status: statusWords[finding.status],
              summary: finding.summary,
              exception: finding.exception,
            })),
            actions: outcome.actions.map((action) => {
              const who = ownerWords[action.owner as Owner] ?? action.owner;
              const what = action.optional ? `may ${actionWords[action.action]}` : actionWords[action.action];
              const when = action.deadline ? ` (${formatDeadline(action.deadline)})` : '';
              return `${capitalise(who)}: ${what}${when}.`;
            }),
          },
        }),
      },
      question && !question.ok ? 400 : 200,
    );
  });
};
