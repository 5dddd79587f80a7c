// The Headteacher's purposes (/consent/purposes): what families are asked about, each with a short
// explanation. A purpose can be added, reworded, retired (families are no longer asked; answers
// stay) or brought back. Another school's purpose is not found.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ConsentPurpose } from '../../../domain/registers/consent.ts';
import { AppError } from '../../../errors.ts';
import type { Services } from '../../../services/index.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { formRoute, limits, page, readForm, text, type Errors } from '../../forms.ts';
import { uuidParams } from '../../params.ts';

const byPurpose = uuidParams('purposeId');
// Bounded here; the register's own limits give the messages for a purpose a little too long.
const purposeForm = z.object({
  title: text('The purpose', limits.name),
  explanation: text('The explanation', limits.text),
});
const retireForm = z.object({ retire: text('Retire', limits.choice) });

type PurposeValues = z.output<typeof purposeForm>;

async function listPage(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  form: { values?: PurposeValues; errors?: Errors } = {},
) {
  const purposes = await services.consent.purposes(request.viewer!);
  const errors = form.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  const shown = (purpose: ConsentPurpose) => ({
    href: `/consent/purposes/${purpose.id}`,
    title: purpose.title,
    explanation: purpose.explanation,
  });
  return page(
    reply,
    'consent/purposes.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}What families are asked about`,
      active: purposes.filter((p) => !p.retiredAt).map(shown),
      retired: purposes.filter((p) => p.retiredAt).map(shown),
      values: form.values ?? { title: '', explanation: '' },
      errors,
    },
    failed ? 400 : 200,
  );
}

function purposePage(
  reply: FastifyReply,
  purpose: ConsentPurpose,
  form: { values?: PurposeValues; errors?: Errors } = {},
) {
  const errors = form.errors ?? {};
  const failed = Object.keys(errors).length > 0;
  return page(
    reply,
    'consent/purpose.njk',
    {
      pageTitle: `${failed ? 'Error: ' : ''}Change a purpose`,
      purpose: { id: purpose.id, title: purpose.title, retired: purpose.retiredAt !== undefined },
      values: form.values ?? { title: purpose.title, explanation: purpose.explanation },
      errors,
    },
    failed ? 400 : 200,
  );
}

export const purposeRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/consent/purposes', { config: { access: 'manage_consent' } }, (request, reply) =>
    listPage(services, request, reply),
  );

  app.post(
    '/consent/purposes',
    { config: { access: 'manage_consent' }, ...formRoute(purposeForm) },
    async (request, reply) => {
      const form = readForm(purposeForm, request);
      const { values } = form;
      if (!form.ok) return listPage(services, request, reply, { values, errors: form.errors });
      const saved = await services.consent.addPurpose(request.viewer!, values);
      if (!saved.ok) return listPage(services, request, reply, { values, errors: saved.problems });
      return reply.redirect('/consent/purposes', 303);
    },
  );

  app.get(
    '/consent/purposes/:purposeId',
    { config: { access: 'manage_consent' }, schema: { params: byPurpose } },
    async (request, reply) => {
      const purpose = await services.consent.purpose(request.viewer!, request.params.purposeId);
      if (!purpose) throw new AppError('not_found');
      return purposePage(reply, purpose);
    },
  );

  app.post(
    '/consent/purposes/:purposeId',
    { config: { access: 'manage_consent' }, ...formRoute(purposeForm, byPurpose) },
    async (request, reply) => {
      const form = readForm(purposeForm, request);
      const { values } = form;
      if (!form.ok) {
        const purpose = await services.consent.purpose(request.viewer!, request.params.purposeId);
        if (!purpose) throw new AppError('not_found');
        return purposePage(reply, purpose, { values, errors: form.errors });
      }
      const saved = await services.consent.rewordPurpose(request.viewer!, request.params.purposeId, values);
      if (!saved) throw new AppError('not_found');
      if (!saved.ok) {
        const purpose = await services.consent.purpose(request.viewer!, request.params.purposeId);
        if (!purpose) throw new AppError('not_found');
        return purposePage(reply, purpose, { values, errors: saved.problems });
      }
      return reply.redirect('/consent/purposes', 303);
    },
  );

  app.post(
    '/consent/purposes/:purposeId/retire',
    { config: { access: 'manage_consent' }, schema: { params: byPurpose, body: retireForm } },
    async (request, reply) => {
      const retire = request.body.retire !== 'no';
      if (!(await services.consent.retirePurpose(request.viewer!, request.params.purposeId, retire))) {
        throw new AppError('not_found');
      }
      return reply.redirect('/consent/purposes', 303);
    },
  );
};
