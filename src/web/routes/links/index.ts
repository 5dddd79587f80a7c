// Everything that reaches people by an emailed link: invitations, password resets, and sign-in
// links for those whose roles need no second factor.
import type { RoutePlugin } from '../../route-plugin.ts';
import { invitationRoutes } from './invitations.ts';
import { passwordResetRoutes } from './password-reset.ts';
import { signInLinkRoutes } from './sign-in-links.ts';

export const linkRoutes: RoutePlugin = async (app, context) => {
  await app.register(invitationRoutes, context);
  await app.register(passwordResetRoutes, context);
  await app.register(signInLinkRoutes, context);
};
