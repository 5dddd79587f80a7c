import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcSignOn } from '../../../src/adapters/identity/oidc.ts';
import { SingleSignOnError, type SingleSignOnFailure, type SingleSignOnSettings } from '../../../src/services/ports.ts';
import { signInAtProvider, type AtTheProvider } from './provider-browser.ts';
import { startTestProvider, type TestPerson, type TestProvider } from './test-provider.ts';

const people: Record<string, TestPerson> = {
  'head-1': { email: 'head@oakfield.example.org', email_verified: true, name: 'Grace Adeyemi' },
  'unverified-2': { email: 'someone@oakfield.example.org', email_verified: false, name: 'Sam Hill' },
  'no-email-3': { name: 'Pat Jones' },
  'entra-4': { email: 'dsl@oakfield.example.org', xms_edov: true },
};

// Only tests talk to a provider over plain http.
const signOn = createOidcSignOn({ allowInsecureRequests: true });

function settingsOf(provider: TestProvider): SingleSignOnSettings {
  const { issuer, clientId, clientSecret, redirectUri } = provider;
  return { issuer, clientId, clientSecret, redirectUri };
}

/** Starts a sign-in, goes through the provider as `person`, and returns what finish() needs. */
async function throughProvider(provider: TestProvider, person: AtTheProvider) {
  const settings = settingsOf(provider);
  const started = await signOn.start(settings);
  const callbackUrl = await signInAtProvider(started.url, settings.redirectUri, person);
  const { state, nonce, codeVerifier } = started;
  return { ...settings, callbackUrl, state, nonce, codeVerifier };
}

async function refusal(finishing: Promise<unknown>): Promise<SingleSignOnError> {
  const error = await finishing.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof SingleSignOnError) return error;
  throw new Error(`expected a SingleSignOnError, got ${String(error)}`);
}

async function expectRefused(finishing: Promise<unknown>, reason: SingleSignOnFailure): Promise<SingleSignOnError> {
  const error = await refusal(finishing);
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(/^[A-Z].+\.$/);
  return error;
}

describe('Signing in with a provider that puts email claims in the ID token (as Google does)', () => {
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider({ people, claimsInIdToken: true });
  });
  afterAll(() => provider.close());

  it('starts with an authorization request carrying PKCE, state and nonce', async () => {
    const started = await signOn.start(settingsOf(provider));
    const url = new URL(started.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: provider.clientId,
      redirect_uri: provider.redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
      state: started.state,
      nonce: started.nonce,
    });
    expect(url.searchParams.get('code_challenge')).not.toBe(started.codeVerifier);

    const again = await signOn.start(settingsOf(provider));
    expect(again.state).not.toBe(started.state);
    expect(again.nonce).not.toBe(started.nonce);
    expect(again.codeVerifier).not.toBe(started.codeVerifier);
  });

  it('finishes with the person the provider vouches for', async () => {
    const callback = await throughProvider(provider, { accountId: 'head-1' });
    expect(new URL(callback.callbackUrl).searchParams.get('code')).toBeTruthy();

    await expect(signOn.finish(callback)).resolves.toEqual({
      subject: 'head-1',
      email: 'head@oakfield.example.org',
      emailVerified: true,
      name: 'Grace Adeyemi',
    });
  });

  it('accepts the callback as the path and query the server received', async () => {
    const callback = await throughProvider(provider, { accountId: 'head-1' });
    const received = new URL(callback.callbackUrl);
    const identity = await signOn.finish({ ...callback, callbackUrl: `${received.pathname}${received.search}` });
    expect(identity.subject).toBe('head-1');
  });

  it('refuses a callback whose state is not the one it started with, before spending the code', async () => {
    const callback = await throughProvider(provider, { accountId: 'head-1' });

    await expectRefused(signOn.finish({ ...callback, state: 'another-sign-in' }), 'state_mismatch');
    const withoutState = new URL(callback.callbackUrl);
    withoutState.searchParams.delete('state');
    await expectRefused(signOn.finish({ ...callback, callbackUrl: withoutState.href }), 'state_mismatch');

    expect((await signOn.finish(callback)).subject).toBe('head-1');
  });

  it('refuses an address the provider has not verified', async () => {
    const callback = await throughProvider(provider, { accountId: 'unverified-2' });
    const error = await expectRefused(signOn.finish(callback), 'email_not_verified');
    expect(error.message).not.toContain('someone@');
  });

  it('refuses a sign-in that comes without an email address', async () => {
    const callback = await throughProvider(provider, { accountId: 'no-email-3' });
    await expectRefused(signOn.finish(callback), 'email_missing');
  });

  it("takes Microsoft Entra's xms_edov claim as verification when email_verified is absent", async () => {
    const callback = await throughProvider(provider, { accountId: 'entra-4' });
    await expect(signOn.finish(callback)).resolves.toEqual({
      subject: 'entra-4',
      email: 'dsl@oakfield.example.org',
      emailVerified: true,
    });
  });

  it('says so when the person declines at the provider', async () => {
    const callback = await throughProvider(provider, { accountId: 'head-1', decline: true });
    expect(new URL(callback.callbackUrl).searchParams.get('error')).toBe('access_denied');
    await expectRefused(signOn.finish(callback), 'provider_refused');
  });

  it('refuses an ID token that fails validation (issued for another nonce)', async () => {
    const callback = await throughProvider(provider, { accountId: 'head-1' });
    await expectRefused(signOn.finish({ ...callback, nonce: 'a-nonce-from-another-sign-in' }), 'id_token_invalid');
  });

  it('refuses a code redeemed without its PKCE verifier', async () => {
    const callback = await throughProvider(provider, { accountId: 'head-1' });
    await expectRefused(signOn.finish({ ...callback, codeVerifier: 'x'.repeat(43) }), 'provider_refused');
  });

  it('asks for the discovery document once per issuer, whatever the number of sign-ins', async () => {
    const fresh = createOidcSignOn({ allowInsecureRequests: true });
    const before = provider.discoveries();
    await fresh.start(settingsOf(provider));
    await fresh.start(settingsOf(provider));
    await fresh.start({ ...settingsOf(provider), clientId: 'another-school' });
    expect(provider.discoveries() - before).toBe(1);

    const forgetful = createOidcSignOn({ allowInsecureRequests: true, cacheForMs: 0 });
    await forgetful.start(settingsOf(provider));
    await forgetful.start(settingsOf(provider));
    expect(provider.discoveries() - before).toBe(3);
  });

  it('refuses a provider on plain http unless told this is a test', async () => {
    const production = createOidcSignOn();
    await expectRefused(production.start(settingsOf(provider)), 'provider_unavailable');
  });
});

describe('Signing in with a provider that gives email claims only at userinfo', () => {
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider({ people, claimsInIdToken: false });
  });
  afterAll(() => provider.close());

  it('reads the email address from the userinfo endpoint', async () => {
    const callback = await throughProvider(provider, { accountId: 'head-1' });
    await expect(signOn.finish(callback)).resolves.toEqual({
      subject: 'head-1',
      email: 'head@oakfield.example.org',
      emailVerified: true,
      name: 'Grace Adeyemi',
    });
  });

  it('still refuses an address the provider has not verified', async () => {
    const callback = await throughProvider(provider, { accountId: 'unverified-2' });
    await expectRefused(signOn.finish(callback), 'email_not_verified');
  });
});

describe('A provider that cannot be reached', () => {
  it('is reported as unavailable, quickly', async () => {
    const provider = await startTestProvider({ people, claimsInIdToken: true });
    const settings = settingsOf(provider);
    await provider.close();
    const started = performance.now();
    await expectRefused(signOn.start(settings), 'provider_unavailable');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
