// The policy library over HTTP: list the policies, and ask one a question
// (POST /api/v1/policies/{slug}/evaluate, the evaluation contract).
import { situationSchema } from '../../../domain/policy/index.ts';
import { AppError } from '../../../errors.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { parseRequest } from '../../validation.ts';
import { outcomeResponseSchema } from './outcome-schema.ts';

export const policyRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/policies', async () => services.policies.list());

  const evaluateOptions = { schema: { response: { 200: outcomeResponseSchema } } };
  app.post<{ Params: { slug: string } }>('/policies/:slug/evaluate', evaluateOptions, async (request) => {
    const situation = parseRequest(situationSchema, request.body);
    const outcome = services.policies.evaluate(request.params.slug, situation);
    if (!outcome) throw new AppError('not_found', `There is no policy called "${request.params.slug}".`);
    return outcome;
  });
};
