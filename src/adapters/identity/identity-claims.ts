// Who signed in, read from the provider's claims. An address the provider has not verified is
// refused: anyone can type any address into some providers' profiles.
import type { SingleSignOnIdentity } from '../../services/ports.ts';
import { signInFailed } from './sign-in-errors.ts';

export type Claims = Readonly<Record<string, unknown>> & { readonly sub: string };

// Some providers have sent booleans as strings.
const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * Microsoft Entra sends no email_verified for work accounts. Its optional claim xms_edov (email
 * domain owner verified) says the same; the school adds it to the ID token in the app registration.
 */
function verifiedEmail(claims: Claims): boolean {
  return claims.email_verified === undefined ? isTrue(claims.xms_edov) : isTrue(claims.email_verified);
}

/** True when the ID token leaves out what the userinfo endpoint may know (as OpenID Connect allows). */
export function lacksEmailClaims(claims: Claims): boolean {
  return claims.email === undefined || (claims.email_verified === undefined && claims.xms_edov === undefined);
}

export function identityFrom(claims: Claims): SingleSignOnIdentity {
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (email === '') throw signInFailed('email_missing');
  if (!verifiedEmail(claims)) throw signInFailed('email_not_verified');
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  return { subject: claims.sub, email, emailVerified: true, ...(name === '' ? {} : { name }) };
}
