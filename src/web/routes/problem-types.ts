// The pages that problem documents' `type` addresses point to: what each kind of problem means.
import { AppError, errorCatalogue, type ErrorCode } from '../../errors.ts';
import { codeParams } from '../params.ts';
import type { RoutePlugin } from '../route-plugin.ts';

const codes = Object.keys(errorCatalogue) as ErrorCode[];

export const problemTypeRoutes: RoutePlugin = async (app) => {
  const options = { config: { access: 'anyone' as const }, schema: { params: codeParams('type') } };
  app.get('/problems/:type', options, async (request, reply) => {
    const code = codes.find((candidate) => candidate.replaceAll('_', '-') === request.params.type);
    if (!code) throw new AppError('not_found');
    const { status, title, message } = errorCatalogue[code];
    const html = await reply.viewAsync('pages/problem-type.njk', { pageTitle: title, code, status, title, message });
    return reply.type('text/html; charset=utf-8').send(html);
  });
};
