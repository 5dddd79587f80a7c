// Writes docs/policy.schema.json from the policy format's zod schema (npm run policy:schema).
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../src/domain/policy/json-schema.ts';

const target = new URL('../docs/policy.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
