// What a browser does at the provider, done with fetch: follow its redirects, carry its cookies,
// and answer its sign-in and consent pages (oidc-provider's development interactions) as a person would.

export interface AtTheProvider {
  /** The account to sign in as. */
  accountId: string;
  /** Decline at the consent page instead of agreeing. */
  decline?: boolean;
}

/** Returns the address the provider sends the browser back to (the redirect URI with its answer). */
export async function signInAtProvider(url: string, redirectUri: string, person: AtTheProvider): Promise<string> {
  const cookies = new Map<string, string>();
  let next: { url: string; init?: RequestInit } = { url };

  for (let step = 0; step < 12; step += 1) {
    const response = await fetch(next.url, {
      ...next.init,
      redirect: 'manual',
      headers: { ...headersOf(next.init), cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    keepCookies(response, cookies);
    const location = response.headers.get('location');
    if (location) {
      const target = new URL(location, next.url).href;
      if (target.startsWith(redirectUri)) return target;
      next = { url: target };
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${page}`);
    next = answer(page, next.url, person);
  }
  throw new Error('The provider never sent the browser back');
}

function answer(page: string, pageUrl: string, person: AtTheProvider): { url: string; init?: RequestInit } {
  const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  if (!prompt || !action) throw new Error(`Not a sign-in or consent page: ${page}`);
  const submitTo = new URL(action, pageUrl).href;
  if (prompt === 'consent' && person.decline) return { url: `${submitTo}/abort` };
  const fields: Record<string, string> =
    prompt === 'login' ? { prompt, login: person.accountId, password: 'any password' } : { prompt };
  return {
    url: submitTo,
    init: {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
  };
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return (init?.headers as Record<string, string> | undefined) ?? {};
}

function keepCookies(response: Response, cookies: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const [name = '', value = ''] = pair.trim().split(/=(.*)/s);
    const expired = attributes.some((attribute) => {
      const [key = '', setting = ''] = attribute.trim().split('=');
      return (
        (key.toLowerCase() === 'expires' && Date.parse(setting) <= Date.now()) ||
        (key.toLowerCase() === 'max-age' && Number(setting) <= 0)
      );
    });
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
}
