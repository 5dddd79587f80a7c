// The Headteacher's purposes (/consent/purposes): what families are asked about, each with a short
// explanation. A purpose can be added, reworded, retired (families are no longer asked; answers
// stay) or brought back. Another school's purpose is not found.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsentPurpose } from '../../../domain/registers/consent.ts';
import { AppError } from '../../../errors.ts';
import type { Services } from '../../../services/index.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { field, page, type Errors } from '../sign-in/form.ts';

interface PurposeParams {
  Params: { purposeId: string };
}

interface PurposeValues {
  title: string;
  explanation: string;
}

const readValues = (request: FastifyRequest): PurposeValues => ({
  title: field(request.body, 'title'),
  explanation: field(request.body, 'explanation'),
});

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

  app.post('/consent/purposes', { config: { access: 'manage_consent' } }, async (request, reply) => {
    const values = readValues(request);
    const saved = await services.consent.addPurpose(request.viewer!, values);
    if (!saved.ok) return listPage(services, request, reply, { values, errors: saved.problems });
    return reply.redirect('/consent/purposes', 303);
  });

  app.get<PurposeParams>(
    '/consent/purposes/:purposeId',
    { config: { access: 'manage_consent' } },
    async (request, reply) => {
      const purpose = await services.consent.purpose(request.viewer!, request.params.purposeId);
      if (!purpose) throw new AppError('not_found');
      return purposePage(reply, purpose);
    },
  );

  app.post<PurposeParams>(
    '/consent/purposes/:purposeId',
    { config: { access: 'manage_consent' } },
    async (request, reply) => {
      const values = readValues(request);
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

  app.post<PurposeParams>(
    '/consent/purposes/:purposeId/retire',
    { config: { access: 'manage_consent' } },
    async (request, reply) => {
      const retire = field(request.body, 'retire') !== 'no';
      if (!(await services.consent.retirePurpose(request.viewer!, request.params.purposeId, retire))) {
        throw new AppError('not_found');
      }
      return reply.redirect('/consent/purposes', 303);
    },
  );
};
