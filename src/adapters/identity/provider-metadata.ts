// Each identity provider's discovery document and signing keys, fetched once per issuer and kept
// for a few minutes: every school on Google shares one issuer, so this is per issuer, not per school.
import * as oidc from 'openid-client';
import type { SingleSignOnSettings } from '../../services/ports.ts';

export interface ProviderOptions {
  /** Tests only: lets a provider on plain http through. Production never sets it. */
  allowInsecureRequests?: boolean;
  /** How long a discovery document is kept; five minutes unless said. */
  cacheForMs?: number;
  /** For each request to the provider; ten seconds unless said. */
  timeoutSeconds?: number;
}

interface Cached {
  expiresAt: number;
  metadata: Promise<oidc.ServerMetadata>;
  jwks?: oidc.ExportedJWKSCache;
}

export interface ProviderMetadata {
  /** A client configuration for one school, on the issuer's cached metadata and keys. */
  configure(settings: SingleSignOnSettings): Promise<oidc.Configuration>;
  /** Keeps the signing keys the configuration fetched, for the next sign-in with this issuer. */
  remember(issuer: string, configuration: oidc.Configuration): void;
}

export function providerMetadata(options: ProviderOptions = {}): ProviderMetadata {
  const { allowInsecureRequests = false, cacheForMs = 5 * 60_000, timeoutSeconds = 10 } = options;
  const cache = new Map<string, Cached>();
  const execute = allowInsecureRequests ? [oidc.allowInsecureRequests] : [];

  function metadataOf(settings: SingleSignOnSettings): Cached {
    const cached = cache.get(settings.issuer);
    if (cached && cached.expiresAt > Date.now()) return cached;
    const metadata = oidc
      .discovery(new URL(settings.issuer), settings.clientId, undefined, undefined, {
        execute,
        timeout: timeoutSeconds,
      })
      .then((configuration) => configuration.serverMetadata());
    const entry: Cached = { expiresAt: Date.now() + cacheForMs, metadata, jwks: cached?.jwks };
    cache.set(settings.issuer, entry);
    // A failed discovery is not kept: the next sign-in asks again.
    metadata.catch(() => {
      if (cache.get(settings.issuer) === entry) cache.delete(settings.issuer);
    });
    return entry;
  }

  return {
    async configure(settings) {
      const entry = metadataOf(settings);
      // The secret goes in the token request's body (client_secret_post), as Google and Entra both accept.
      const configuration = new oidc.Configuration(await entry.metadata, settings.clientId, settings.clientSecret);
      configuration.timeout = timeoutSeconds;
      for (const extension of execute) extension(configuration);
      if (entry.jwks) oidc.setJwksCache(configuration, entry.jwks);
      return configuration;
    },
    remember(issuer, configuration) {
      const entry = cache.get(issuer);
      const jwks = oidc.getJwksCache(configuration);
      if (entry && jwks) entry.jwks = jwks;
    },
  };
}
