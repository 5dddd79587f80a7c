// The policy format as a JSON Schema, for editors that complete and check YAML as it is typed.
// Conditions are described loosely here; `footprint policy validate` checks them fully.
import { z } from 'zod';
import { policySchema } from './schema.ts';

export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://footprint.example/policy.schema.json',
    title: 'Footprint school social media policy',
    description: 'A school social media policy as data: document control, sections, rules and procedures.',
  };
}
