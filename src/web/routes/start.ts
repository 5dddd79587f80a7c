import type { RoutePlugin } from '../route-plugin.ts';

export const startRoutes: RoutePlugin = async (app) => {
  app.get('/', async (_request, reply) => {
    const html = await reply.viewAsync('pages/start.njk');
    return reply.type('text/html; charset=utf-8').send(html);
  });
};
