import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { librarySlugs, policyFileFor } from '../../../src/adapters/policy-files/index.ts';
import { policyJsonSchema } from '../../../src/domain/policy/json-schema.ts';

const published = join(import.meta.dirname, '../../../docs/policy.schema.json');

describe('the policy JSON Schema in docs/', () => {
  it('is up to date with the format (run npm run policy:schema after changing it)', () => {
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(policyJsonSchema());
  });

  it('accepts every policy in the library and rejects a misspelt field', () => {
    const validate = new Ajv2020({ strict: false }).compile(policyJsonSchema());
    for (const slug of librarySlugs()) {
      const doc: unknown = parse(readFileSync(policyFileFor(slug)!, 'utf8'));
      expect(validate(doc), `${slug}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({ ...(doc as object), titel: 'x' })).toBe(false);
    }
  });
});
