// The yearly renewal (/consent/renewal): the Headteacher asks every parent or carer with parental
// responsibility to look at their answers again. The emails go from a background job; answers
// given before the renewal show as "to be confirmed" until the family confirms or changes them.
import type { RoutePlugin } from '../../route-plugin.ts';
import { page } from '../../forms.ts';
import { longMoment } from './words.ts';

export const renewalRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/consent/renewal', { config: { access: 'manage_consent' } }, async (request, reply) => {
    const { renewal, progress } = await services.consent.renewalOverview(request.viewer!);
    return page(reply, 'consent/renewal.njk', {
      pageTitle: 'Renew consent for the year',
      renewal: renewal && {
        startedOn: longMoment(renewal.startedAt),
        asked: renewal.asked,
        withoutEmail: renewal.withoutEmail,
      },
      progress,
      sending: progress !== undefined && progress.sent < progress.total,
    });
  });

  app.post('/consent/renewal', { config: { access: 'manage_consent' } }, async (request, reply) => {
    await services.consent.startRenewal(request.viewer!);
    return reply.redirect('/consent/renewal', 303);
  });
};
