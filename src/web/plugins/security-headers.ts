// Security headers, with a strict Content Security Policy: scripts run only from our own
// origin or with this response's nonce, which views receive as `cspNonce`.
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

export const securityHeaders = fp<{ config: Config }>(
  async (app, { config }) => {
    const production = config.environment === 'production';
    await app.register(helmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          ...(production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      frameguard: { action: 'deny' },
      hsts: production ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
    });
  },
  { name: 'security-headers' },
);
