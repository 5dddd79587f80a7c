// Who may use each page. Every route of the website must say, in `config.access`, either
// 'anyone' or the capability it needs; Footprint refuses to start if one does not, so a new
// page can never be open by accident. Pages check again in the services they call.
import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Capability } from '../../domain/access/capabilities.ts';
import { AppError } from '../../errors.ts';

export type Access = 'anyone' | Capability;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

/** Files under /assets/ are the same for everyone: styles, scripts, fonts and images. */
const isAsset = (route: RouteOptions) => route.url.startsWith('/assets/');

export const access = fp<{ table: RouteAccess[] }>(
  async (app, { table }) => {
    app.addHook('onRoute', (route) => {
      if (isAsset(route)) return;
      const wanted = route.config?.access;
      if (!wanted) {
        throw new Error(`${[route.method].flat().join(',')} ${route.url} does not say who may use it (config.access)`);
      }
      for (const method of [route.method].flat()) table.push({ method, url: route.url, access: wanted });
      if (wanted === 'anyone') return;
      const existing = route.preHandler === undefined ? [] : [route.preHandler].flat();
      route.preHandler = [
        ...existing,
        async (request, reply) => {
          const { viewer } = request;
          if (!viewer) {
            if (request.method !== 'GET') throw new AppError('sign_in_required');
            const query = new URLSearchParams({ next: request.url });
            if (request.sessionEnded) query.set('ended', request.sessionEnded);
            return reply.redirect(`/sign-in?${query.toString()}`, 303);
          }
          if (!viewer.capabilities.includes(wanted)) throw new AppError('forbidden');
        },
      ];
    });
  },
  { name: 'access', dependencies: ['sessions'] },
);
