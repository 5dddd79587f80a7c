import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    // Tests print why a PostgreSQL or browser variant was skipped; keep that visible.
    silent: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/scenarios/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // A whole journey is dozens of pages, each checked by axe twice; on a two-core CI machine
          // running other files at once, that can take minutes. A limit, not a speed target.
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
