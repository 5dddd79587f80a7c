// Signing in with the school's own Google Workspace or Microsoft Entra accounts. A school says
// which provider, the client it registered there, and the email domain its staff use; Footprint
// then sends anyone who gives an address at that domain to the provider to sign in.
import { z } from 'zod';

export const signOnProviders = ['google', 'microsoft'] as const;
export type SignOnProvider = (typeof signOnProviders)[number];

export const signOnProviderNames: Readonly<Record<SignOnProvider, string>> = {
  google: 'Google Workspace',
  microsoft: 'Microsoft Entra (Microsoft 365)',
};

export interface SignOnSetting {
  provider: SignOnProvider;
  /** Microsoft only: the school's directory (tenant) id, so only its own accounts are accepted. */
  tenantId?: string;
  clientId: string;
  emailDomain: string;
}

/** Where each provider publishes its OpenID Connect configuration. */
export function issuerOf(setting: Pick<SignOnSetting, 'provider' | 'tenantId'>): string {
  return setting.provider === 'google'
    ? 'https://accounts.google.com'
    : `https://login.microsoftonline.com/${setting.tenantId ?? ''}/v2.0`;
}

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .regex(
        /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'Enter the part of your staff’s email addresses after the @, such as oakfield.sch.uk',
      ),
  );

export const signOnSettingSchema = z
  .object({
    provider: z.enum(signOnProviders, 'Choose Google Workspace or Microsoft Entra'),
    tenantId: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value.toLowerCase()))
      .optional(),
    clientId: z
      .string()
      .trim()
      .min(1, 'Enter the client id from your provider')
      .max(200, 'Use 200 characters or fewer'),
    emailDomain: domain,
  })
  .superRefine((value, context) => {
    if (value.provider !== 'microsoft') return;
    if (!value.tenantId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value.tenantId)) {
      context.addIssue({
        code: 'custom',
        path: ['tenantId'],
        message: 'Enter your directory (tenant) id, such as 72f988bf-86f1-41af-91ab-2d7cd011db47',
      });
    }
  });

/** The domain of an email address, lower case; undefined if it has none. */
export function domainOf(email: string): string | undefined {
  const at = email.trim().lastIndexOf('@');
  return at > 0
    ? email
        .trim()
        .slice(at + 1)
        .toLowerCase() || undefined
    : undefined;
}
