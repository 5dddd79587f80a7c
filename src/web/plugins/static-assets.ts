// The compiled stylesheets, scripts and images in public/, served under /assets/.
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export const publicDirectory = fileURLToPath(new URL('../../../public', import.meta.url));

export const staticAssets = fp(
  async (app) => {
    await app.register(fastifyStatic, {
      root: publicDirectory,
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      maxAge: '1h',
    });
  },
  { name: 'static-assets' },
);
