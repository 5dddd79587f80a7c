// Request bodies: HTML forms (urlencoded) alongside Fastify's built-in JSON.
import formBody from '@fastify/formbody';
import fp from 'fastify-plugin';

export const requestBodies = fp(
  async (app) => {
    await app.register(formBody, { bodyLimit: 100 * 1024 });
  },
  { name: 'request-bodies' },
);
