// The real application on a test database: real adapters, real services, real templates.
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../src/log.ts';
import { buildApp, type AppOptions } from '../../src/web/app.ts';
import { createAdapters, createServices, type RunningAdapters } from '../../src/wiring.ts';
import type { TestDatabase } from './backends.ts';

export interface TestApp {
  app: FastifyInstance;
  adapters: RunningAdapters;
  close(): Promise<void>;
}

export async function startTestApp(database: TestDatabase, extraRoutes?: AppOptions['extraRoutes']): Promise<TestApp> {
  const logger = createLogger(database.config);
  const adapters = await createAdapters(database.config, logger);
  await adapters.migrate();
  const app = await buildApp(createServices(adapters), { config: database.config, logger, extraRoutes });
  return {
    app,
    adapters,
    async close() {
      await app.close();
      await adapters.close();
    },
  };
}
