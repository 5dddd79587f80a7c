// A browser without a browser, for inject(): it keeps the cookies it is given, follows nothing
// by itself, and sends each form with the CSRF token from the last page it read.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface Browser {
  get(url: string): Promise<LightMyRequestResponse>;
  /** Posts a form, with the CSRF token of the last page read. */
  post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse>;
  cookieNames(): string[];
}

export function browserFor(app: () => FastifyInstance): Browser {
  const jar = new Map<string, string>();
  let token = '';

  const remember = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() <= Date.now())) jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value);
    }
    const found = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(response.body)?.[1];
    if (found) token = found;
    return response;
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  return {
    async get(url) {
      return remember(await app().inject({ method: 'GET', url, headers: { cookie: cookie() } }));
    },
    async post(url, fields) {
      const payload = new URLSearchParams({ ...fields, _csrf: token }).toString();
      return remember(
        await app().inject({
          method: 'POST',
          url,
          headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
          payload,
        }),
      );
    },
    cookieNames: () => [...jar.keys()],
  };
}
