// The import boundaries between layers are enforced by our ESLint rule; these prove it bites.
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import layers from '../../eslint/layers.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const src = join(import.meta.dirname, '..', '..', 'src');
const at = (path: string) => join(src, path);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, sourceType: 'module' } });

tester.run('footprint/layers', layers.rules.layers, {
  valid: [
    {
      filename: at('domain/incidents/routing.ts'),
      code: "import { z } from 'zod'; import { x } from '../setting.ts';",
    },
    {
      filename: at('services/health.ts'),
      code: "import type { Adapters } from './ports.ts'; import '../domain/setting.ts';",
    },
    { filename: at('services/health.ts'), code: "import { AppError } from '../errors.ts';" },
    { filename: at('adapters/db/store.ts'), code: "import type { Store } from '../../services/ports.ts';" },
    { filename: at('web/routes/start.ts'), code: "import type { Services } from '../../services/index.ts';" },
    { filename: at('cli/commands/migrate.ts'), code: "import { createAdapters } from '../../wiring.ts';" },
    { filename: at('wiring.ts'), code: "import { openDatabase } from './adapters/db/database.ts';" },
    { filename: join(src, '..', 'test', 'anything.ts'), code: "import '../src/adapters/db/database.ts';" },
  ],
  invalid: [
    { filename: at('domain/policy/x.ts'), code: "import '../../services/index.ts';", errors: [{ messageId: 'layer' }] },
    { filename: at('domain/x.ts'), code: "import { Kysely } from 'kysely';", errors: [{ messageId: 'package' }] },
    {
      filename: at('domain/x.ts'),
      code: "import { readFileSync } from 'node:fs';",
      errors: [{ messageId: 'package' }],
    },
    { filename: at('services/x.ts'), code: "import '../adapters/db/database.ts';", errors: [{ messageId: 'layer' }] },
    { filename: at('services/x.ts'), code: "import '../web/app.ts';", errors: [{ messageId: 'layer' }] },
    { filename: at('services/x.ts'), code: "import Fastify from 'fastify';", errors: [{ messageId: 'package' }] },
    {
      filename: at('web/routes/x.ts'),
      code: "import '../../adapters/db/database.ts';",
      errors: [{ messageId: 'layer' }],
    },
    {
      filename: at('cli/commands/x.ts'),
      code: "export * from '../../adapters/db/database.ts';",
      errors: [{ messageId: 'layer' }],
    },
    {
      filename: at('jobs/x.ts'),
      code: "const m = import('../adapters/db/database.ts');",
      errors: [{ messageId: 'layer' }],
    },
    { filename: at('adapters/db/x.ts'), code: "import '../../web/app.ts';", errors: [{ messageId: 'layer' }] },
    { filename: at('web/x.ts'), code: "import '../../test/support/app.ts';", errors: [{ messageId: 'layer' }] },
  ],
});
