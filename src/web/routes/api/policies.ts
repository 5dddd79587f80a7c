// The policy library over HTTP: list the policies, and ask one a question
// (POST /api/v1/policies/{slug}/evaluate, the evaluation contract).
import { z } from 'zod';
import { situationSchema } from '../../../domain/policy/index.ts';
import { AppError } from '../../../errors.ts';
import type { RoutePlugin } from '../../route-plugin.ts';
import { fastValidatorCompiler } from '../../validation.ts';

/** A policy's slug in the address: the library's are short words joined by hyphens. */
const bySlug = z.strictObject({
  slug: z.string().max(100, { abort: true, error: 'A policy’s slug is 100 characters or fewer' }),
});

export const policyRoutes: RoutePlugin = async (app, { services }) => {
  app.get('/policies', { schema: { querystring: z.strictObject({}) } }, async () => services.policies.list());

  // The busiest route: the checker asks it every question, so its schema is checked by compiled
  // JSON Schema (zod runs only to say what is wrong). The engine builds outcomes with the
  // contract's fields only, so the plain JSON serialiser is safe and faster than a schema's.
  app.post(
    '/policies/:slug/evaluate',
    {
      schema: { params: bySlug, body: situationSchema },
      validatorCompiler: fastValidatorCompiler,
    },
    (request, reply) => {
      const outcome = services.policies.evaluate(request.params.slug, request.body);
      if (!outcome) throw new AppError('not_found', `There is no policy called "${request.params.slug}".`);
      reply.send(outcome);
    },
  );
};
