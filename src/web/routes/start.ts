import type { RoutePlugin } from '../route-plugin.ts';

export const startRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/', { config: { access: 'anyone' } }, async (_request, reply) => {
    // On a fresh install the start page leads to the first-run set-up, and only then.
    const offerSetUp = !(await services.community.isSetUp());
    const html = await reply.viewAsync('pages/start.njk', { offerSetUp });
    return reply.type('text/html; charset=utf-8').send(html);
  });
};
