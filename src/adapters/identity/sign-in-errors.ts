// What went wrong with a sign-in, in words for the person signing in. openid-client's own messages
// are for developers; the original error stays as the cause for whoever looks after Footprint.
import * as oidc from 'openid-client';
import { SingleSignOnError, type SingleSignOnFailure } from '../../services/ports.ts';

const messages: Record<SingleSignOnFailure, string> = {
  state_mismatch:
    'This sign-in has expired or was started in another browser or tab. Go back to Footprint and sign in again.',
  provider_refused:
    "Your school's sign-in service did not let you sign in. Try again, and if it happens again ask whoever looks after your school's accounts.",
  id_token_invalid:
    "Footprint could not trust the answer from your school's sign-in service, so you are not signed in. Go back to Footprint and sign in again.",
  email_missing:
    "Your school's sign-in service did not give Footprint your email address. Ask whoever looks after your school's accounts to share it with Footprint.",
  email_not_verified:
    "Your school's sign-in service has not confirmed your email address, so Footprint cannot sign you in with it. Ask whoever looks after your school's accounts.",
  provider_unavailable:
    "Footprint could not reach your school's sign-in service. Try again in a few minutes, and if it keeps happening tell whoever looks after Footprint.",
};

export function signInFailed(reason: SingleSignOnFailure, cause?: unknown): SingleSignOnError {
  return new SingleSignOnError(reason, messages[reason], cause === undefined ? undefined : { cause });
}

// oauth4webapi's codes (openid-client does not re-export them) for a response that failed a check:
// a signature, an audience, a nonce, an expiry, an issuer…
const untrustworthy = new Set<string>([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_KEY_SELECTION_FAILED',
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_PARSE_ERROR',
]);

/** Turns an error from exchanging the code into a SingleSignOnError; other errors are bugs, rethrown. */
export function exchangeFailed(error: unknown): SingleSignOnError {
  if (error instanceof SingleSignOnError) return error;
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return signInFailed('provider_refused', error);
  }
  if (error instanceof oidc.ClientError) {
    const checkFailed = error.code !== undefined && untrustworthy.has(error.code);
    return signInFailed(checkFailed ? 'id_token_invalid' : 'provider_unavailable', error);
  }
  if (isFetchFailure(error)) return signInFailed('provider_unavailable', error);
  throw error;
}

/**
 * Turns an error from reading the provider's discovery document into a SingleSignOnError. Whatever
 * its fault (unreachable, not JSON, naming another issuer), the fix is the same: check the issuer.
 */
export function discoveryFailed(error: unknown): SingleSignOnError {
  if (error instanceof oidc.ClientError || isFetchFailure(error)) return signInFailed('provider_unavailable', error);
  throw error;
}

/** fetch() fails with a TypeError whose cause is the socket's error, or a DOMException when it times out. */
function isFetchFailure(error: unknown): boolean {
  if (error instanceof DOMException) return error.name === 'TimeoutError' || error.name === 'AbortError';
  return error instanceof TypeError && error.cause instanceof Error;
}
