// Cookies, signed with the session secret. Secure whenever Footprint is served over HTTPS.
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

export const cookies = fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(cookie, {
      secret: config.sessionSecret,
      parseOptions: { httpOnly: true, sameSite: 'lax', path: '/', secure: config.baseUrl.startsWith('https:') },
    });
  },
  { name: 'cookies' },
);
