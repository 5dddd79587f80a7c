// The school's single sign-on settings, for the Headteacher and administrators: which provider,
// the client registered there, the email domain, and the secret (written, never shown again).
// Saving asks for the changer's code again.
import type { FastifyReply } from 'fastify';
import { signOnProviderNames, signOnProviders, signOnSettingSchema } from '../../domain/access/sign-on.ts';
import { z } from 'zod';
import type { RoutePlugin } from '../route-plugin.ts';
import { formRoute, hint, limits, page, readForm, text, type Errors } from '../forms.ts';

const manage = { config: { access: 'manage_roles' as const } };
const path = '/settings/sign-on';

// Bounded here; the sign-on setting's own schema then says what each field must be.
const settingsForm = z.object({
  provider: text('Provider', limits.choice),
  tenantId: text('Tenant ID', limits.name),
  clientId: text('Client ID', limits.short),
  emailDomain: text('Email domain', limits.name),
  clientSecret: text('Client secret', limits.short),
  code: text('The code', limits.code),
});

export const signOnSettingsRoutes: RoutePlugin = async (app, { services, config }) => {
  const show = (
    reply: FastifyReply,
    values: Record<string, string>,
    extra: { errors?: Errors; saved?: boolean; hasSecret: boolean },
  ) => {
    const errors = extra.errors ?? {};
    return page(
      reply,
      'settings/sign-on.njk',
      {
        pageTitle: 'Sign in with Google or Microsoft',
        values,
        errors,
        saved: extra.saved,
        hasSecret: extra.hasSecret,
        redirectUri: `${config.baseUrl}/sign-in/callback`,
        providers: signOnProviders.map((value) => ({
          value,
          text: signOnProviderNames[value],
          checked: values.provider === value,
        })),
      },
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  };

  app.get(
    path,
    { ...manage, schema: { querystring: z.object({ saved: hint(limits.choice) }) } },
    async (request, reply) => {
      const setting = await services.signOn.setting(request.viewer!);
      const values: Record<string, string> = setting
        ? {
            provider: setting.provider,
            tenantId: setting.tenantId ?? '',
            clientId: setting.clientId,
            emailDomain: setting.emailDomain,
          }
        : {};
      return show(reply, values, { saved: request.query.saved === 'yes', hasSecret: setting !== undefined });
    },
  );

  app.post(path, { ...manage, ...formRoute(settingsForm) }, async (request, reply) => {
    const viewer = request.viewer!;
    const form = readForm(settingsForm, request);
    const { clientSecret, code: typedCode, ...values } = form.values;
    const secret = clientSecret.trim();
    const code = typedCode.trim();
    const hasSecret = (await services.signOn.setting(viewer)) !== undefined;
    if (!form.ok) return show(reply, values, { errors: form.errors, hasSecret });
    const parsed = signOnSettingSchema.safeParse(values);
    const errors: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'provider')] ??= issue.message;
    }
    if (!code) errors.code = 'Enter the 6-digit code from your authenticator app to confirm';
    if (!parsed.success || !code) return show(reply, values, { errors, hasSecret });

    const outcome = await services.signOn.save(viewer, parsed.data, secret, code);
    const problems: Partial<Record<typeof outcome, Errors>> = {
      code_refused: { code: 'That code did not work. Enter the code your app shows now' },
      secret_needed: { clientSecret: 'Enter the client secret from your provider' },
      domain_taken: { emailDomain: 'Another school already signs in with this domain. Check the domain is yours' },
    };
    const problem = problems[outcome];
    if (problem) return show(reply, values, { errors: problem, hasSecret });
    return reply.redirect(`${path}?saved=yes`, 303);
  });
};
