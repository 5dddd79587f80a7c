// Request bodies for the website: HTML forms (urlencoded) alongside Fastify's built-in JSON.
// The API takes JSON only, so a form-encoded body sent to it is refused as unsupported.
import formBody from '@fastify/formbody';
import fp from 'fastify-plugin';

export const requestBodies = fp(
  async (app) => {
    await app.register(formBody, { bodyLimit: 100 * 1024 });
  },
  { name: 'request-bodies' },
);
