// Signing in with a school's own identity provider (Google Workspace, Microsoft Entra) through
// OpenID Connect: the authorization code flow with PKCE, state and nonce.
//
// Issuers: Google Workspace is https://accounts.google.com. For Microsoft Entra use the school's
// own tenant, https://login.microsoftonline.com/<tenant id>/v2.0 (the tenant id is the GUID on the
// tenant's overview page). The shared /common and /organizations documents name their issuer as
// .../{tenantid}/v2.0, a placeholder no ID token matches, and would let in any organisation's users.
import * as oidc from 'openid-client';
import type { SingleSignOn, SingleSignOnCallback, SingleSignOnSettings } from '../../services/ports.ts';
import { identityFrom, lacksEmailClaims } from './identity-claims.ts';
import { providerMetadata, type ProviderMetadata, type ProviderOptions } from './provider-metadata.ts';
import { discoveryFailed, exchangeFailed, signInFailed } from './sign-in-errors.ts';

export type { ProviderOptions } from './provider-metadata.ts';

const scope = 'openid email profile';

export function createOidcSignOn(options: ProviderOptions = {}): SingleSignOn {
  const providers = providerMetadata(options);
  return {
    async start(settings) {
      const configuration = await configure(providers, settings);
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: settings.redirectUri,
        scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async finish(callback) {
      const answer = callbackAddress(callback);
      // Checked before anything is sent to the provider, so a forged callback spends nothing.
      if (callback.state === '' || answer.searchParams.get('state') !== callback.state) {
        throw signInFailed('state_mismatch');
      }
      const configuration = await configure(providers, callback);
      try {
        const tokens = await oidc.authorizationCodeGrant(configuration, answer, {
          pkceCodeVerifier: callback.codeVerifier,
          expectedState: callback.state,
          expectedNonce: callback.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw signInFailed('id_token_invalid');
        if (!lacksEmailClaims(claims) || !configuration.serverMetadata().userinfo_endpoint) {
          return identityFrom(claims);
        }
        const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        return identityFrom({ ...userinfo, ...claims });
      } catch (error) {
        throw exchangeFailed(error);
      } finally {
        providers.remember(callback.issuer, configuration);
      }
    },
  };
}

async function configure(providers: ProviderMetadata, settings: SingleSignOnSettings): Promise<oidc.Configuration> {
  try {
    return await providers.configure(settings);
  } catch (error) {
    throw discoveryFailed(error);
  }
}

/**
 * The registered redirect URI with the callback's query: the token request must name the redirect
 * URI exactly as registered, whatever host or proxy the browser's request came through.
 */
function callbackAddress({ callbackUrl, redirectUri }: SingleSignOnCallback): URL {
  const answer = new URL(redirectUri);
  for (const [name, value] of new URL(callbackUrl, redirectUri).searchParams) answer.searchParams.append(name, value);
  return answer;
}
