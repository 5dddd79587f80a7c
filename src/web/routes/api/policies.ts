// The policy library over HTTP: list the policies, and ask one a question
// (POST /api/v1/policies/{slug}/evaluate, the evaluation contract).
import { situationSchema } from '../../../domain/policy/index.ts';
import { AppError } from '../../../errors.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { compileRequestCheck } from '../../validation.ts';

export const policyRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/policies', async () => services.policies.list());

  // The busiest route: the checker asks it every question. The engine builds outcomes with the
  // contract's fields only, so the plain JSON serialiser is safe and faster than a schema's.
  const checkSituation = compileRequestCheck(situationSchema);
  app.post<{ Params: { slug: string } }>('/policies/:slug/evaluate', (request, reply) => {
    const situation = checkSituation(request.body);
    const outcome = services.policies.evaluate(request.params.slug, situation);
    if (!outcome) throw new AppError('not_found', `There is no policy called "${request.params.slug}".`);
    reply.send(outcome);
  });
};
