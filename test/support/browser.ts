// A browser without a browser, for inject(): it keeps the cookies it is given, follows nothing
// by itself, and sends each form with the CSRF token from the last page it read.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface Browser {
  get(url: string): Promise<LightMyRequestResponse>;
  /** Posts a form, with the CSRF token of the last page read. */
  post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Posts a multipart form with files, as a form with file inputs sends it. */
  upload(url: string, fields: Record<string, string>, files: readonly UploadFile[]): Promise<LightMyRequestResponse>;
  cookieNames(): string[];
}

export interface UploadFile {
  field: string;
  fileName: string;
  type: string;
  bytes: Uint8Array;
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
    async upload(url, fields, files) {
      const form = new FormData();
      for (const [name, value] of Object.entries({ ...fields, _csrf: token })) form.append(name, value);
      for (const file of files)
        form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.fileName);
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      return remember(
        await app().inject({
          method: 'POST',
          url,
          headers: { cookie: cookie(), 'content-type': request.headers.get('content-type') ?? '' },
          payload: Buffer.from(await request.arrayBuffer()),
        }),
      );
    },
    cookieNames: () => [...jar.keys()],
  };
}
