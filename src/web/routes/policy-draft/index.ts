// Editing the school's draft policy with guided forms: its contents, details, sections, rules
// and procedures; the draft as a YAML file, out and back in; and a preview to try questions on.
import type { RoutePlugin } from '../../route-plugin.ts';
import { contentsRoutes } from './contents.ts';
import { detailsRoutes } from './details.ts';
import { exceptionRoutes } from './exceptions.ts';
import { previewRoutes } from './preview.ts';
import { procedureRoutes } from './procedures.ts';
import { ruleRoutes } from './rules.ts';
import { yamlRoutes } from './yaml.ts';

export const policyDraftRoutes: RoutePlugin = async (app, context) => {
  await app.register(contentsRoutes, context);
  await app.register(detailsRoutes, context);
  await app.register(ruleRoutes, context);
  await app.register(exceptionRoutes, context);
  await app.register(procedureRoutes, context);
  await app.register(previewRoutes, context);
  await app.register(yamlRoutes, context);
};
