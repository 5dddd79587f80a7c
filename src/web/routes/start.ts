import type { RoutePlugin } from '../route-plugin.ts';
import { sendKeptPage } from '../kept-pages.ts';

/** What the start page offers: it is the same for everyone who is not signed in. */
const fresh = { state: 'fresh install' };
const setUp = { state: 'set up' };

export const startRoutes: RoutePlugin = async (app, { services }) => {
  // Once a school exists the installation stays set up, so the question is asked until then only.
  let isSetUp = false;
  app.get('/', { config: { access: 'anyone' } }, async (request, reply) => {
    isSetUp ||= await services.community.isSetUp();
    if (request.viewer) {
      const html = await reply.viewAsync('pages/start.njk', { offerSetUp: !isSetUp });
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    }
    // On a fresh install the start page leads to the first-run set-up, and only then.
    return sendKeptPage(request, reply, {
      source: isSetUp ? setUp : fresh,
      variant: 'start',
      template: 'pages/start.njk',
      model: () => ({ offerSetUp: !isSetUp }),
      cacheControl: 'no-cache',
    });
  });
};
