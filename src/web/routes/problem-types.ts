// The pages that problem documents' `type` addresses point to: what each kind of problem means.
import { AppError, errorCatalogue, type ErrorCode } from '../../errors.ts';
import type { RoutePlugin } from '../route-plugin.ts';

const codes = Object.keys(errorCatalogue) as ErrorCode[];

export const problemTypeRoutes: RoutePlugin = async (app) => {
  app.get<{ Params: { type: string } }>('/problems/:type', { config: { access: 'anyone' } }, async (request, reply) => {
    const code = codes.find((candidate) => candidate.replaceAll('_', '-') === request.params.type);
    if (!code) throw new AppError('not_found');
    const { status, title, message } = errorCatalogue[code];
    const html = await reply.viewAsync('pages/problem-type.njk', { pageTitle: title, code, status, title, message });
    return reply.type('text/html; charset=utf-8').send(html);
  });
};
