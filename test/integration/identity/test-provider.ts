// A real OpenID Connect provider (oidc-provider) on loopback over plain http, with a few test
// people, standing in for Google Workspace or Microsoft Entra.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestPerson {
  email?: string;
  email_verified?: boolean;
  xms_edov?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** How many times the discovery document was asked for. */
  discoveries(): number;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  people: Record<string, TestPerson>;
  /** Like Google, put email claims in the ID token too (true); or, as OpenID Connect allows, only at userinfo. */
  claimsInIdToken: boolean;
  /** Where the provider may send people back to (Footprint's callback); a fixed address by default. */
  redirectUri?: string;
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = {
    clientId: 'footprint',
    clientSecret: 'a-client-secret-for-tests-only-0123456789',
    redirectUri: options.redirectUri ?? 'http://localhost:3000/sign-in/callback',
  };
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['a-cookie-key-for-tests-only'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
    conformIdTokenClaims: !options.claimsInIdToken,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount(_context, id) {
      const person = options.people[id];
      if (!person) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...person }) };
    },
  });

  let discoveries = 0;
  const handle = provider.callback();
  server.on('request', (request, response) => {
    if (request.url === '/.well-known/openid-configuration') discoveries += 1;
    void handle(request, response);
  });

  return {
    issuer,
    ...client,
    discoveries: () => discoveries,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
