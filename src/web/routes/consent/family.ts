// Parents and carers giving or withdrawing consent for their own children (/consent). Only carers
// with parental responsibility may answer; others see the answers. Another family's child, or
// another school's, is not found.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import type { ChildConsent } from '../../../services/consent.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { pupilName } from '../people/words.ts';
import { formRoute, hint, limits, page, readForm, text, type Errors } from '../../forms.ts';
import { uuidParams } from '../../params.ts';
import { answerTagClass, answerWords, longMoment, yearGroupName } from './words.ts';

const byPupil = uuidParams('pupilId');
/** An answer for each purpose, in a field named for it: each a choice, bounded. */
const answersForm = z.object({}).catchall(text('An answer', limits.choice));

const fieldName = (purposeId: string) => `purpose-${purposeId}`;

function childForm(
  reply: FastifyReply,
  child: ChildConsent,
  form: { values?: Record<string, string>; errors?: Errors } = {},
) {
  const errors = form.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  const name = pupilName(child.pupil);
  const title = `Photos and work: ${name}`;
  return page(
    reply,
    'consent/child.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}${title}`,
      title,
      name,
      mayAnswer: child.mayAnswer,
      formAction: `/consent/children/${child.pupil.id}`,
      purposes: child.answers.map(({ purpose, answer }) => {
        const key = fieldName(purpose.id);
        const chosen = form.values ? (form.values[key] ?? '') : answer.status === 'no_answer' ? '' : answer.status;
        return {
          id: purpose.id,
          field: key,
          title: purpose.title,
          explanation: purpose.explanation,
          current: answerWords(answer),
          toBeConfirmed: answer.toBeConfirmed,
          items: [
            { value: 'given', text: 'Yes', checked: chosen === 'given' },
            { value: 'refused', text: 'No', checked: chosen === 'refused' },
          ],
          error: errors[key],
        };
      }),
      errors,
    },
    failed ? 400 : 200,
  );
}

export const familyRoutes: RoutePlugin = async (app, { services }) => {
  const familyQuery = z.object({ saved: hint(limits.choice) });
  app.get(
    '/consent',
    { config: { access: 'give_consent' }, schema: { querystring: familyQuery } },
    async (request, reply) => {
      const { children, renewal } = await services.consent.family(request.viewer!);
      const saved = request.query.saved === '1';
      return page(reply, 'consent/family.njk', {
        pageTitle: 'Photos and your child’s work',
        saved,
        renewalOn: renewal && longMoment(renewal.startedAt),
        children: children.map((child) => ({
          href: `/consent/children/${child.pupil.id}`,
          name: pupilName(child.pupil),
          yearGroup: yearGroupName(child.pupil.yearGroup),
          mayAnswer: child.mayAnswer,
          toConfirm: child.answers.filter(({ answer }) => answer.toBeConfirmed).length,
          answers: child.answers.map(({ purpose, answer }) => ({
            title: purpose.title,
            words: answerWords(answer),
            tagClass: answerTagClass(answer),
          })),
        })),
      });
    },
  );

  app.get(
    '/consent/children/:pupilId',
    { config: { access: 'give_consent' }, schema: { params: byPupil } },
    async (request, reply) => {
      const child = await services.consent.child(request.viewer!, request.params.pupilId);
      if (!child) throw new AppError('not_found');
      return childForm(reply, child);
    },
  );

  app.post(
    '/consent/children/:pupilId',
    { config: { access: 'give_consent' }, ...formRoute(answersForm, byPupil) },
    async (request, reply) => {
      const viewer = request.viewer!;
      const form = readForm(answersForm, request);
      const child = await services.consent.child(viewer, request.params.pupilId);
      if (!child) throw new AppError('not_found');
      const posted: Record<string, string> = form.values;
      const values = Object.fromEntries(
        child.answers.map(({ purpose }) => [fieldName(purpose.id), posted[fieldName(purpose.id)] ?? '']),
      );
      if (!form.ok) return childForm(reply, child, { values, errors: form.errors });
      const typed = Object.fromEntries(
        child.answers.map(({ purpose }) => [purpose.id, values[fieldName(purpose.id)]!]),
      );
      const saved = await services.consent.answer(viewer, child.pupil.id, typed);
      if (!saved.ok) {
        const errors = Object.fromEntries(Object.entries(saved.problems).map(([id, text]) => [fieldName(id), text]));
        return childForm(reply, saved.child, { values, errors });
      }
      return reply.redirect('/consent?saved=1', 303);
    },
  );
};
