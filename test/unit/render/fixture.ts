// The rendering tests' policy: a made-up school whose file uses every part of the format.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePolicy, type Policy } from '../../../src/domain/policy/index.ts';

export const fixtureFile = fileURLToPath(new URL('fixture.yaml', import.meta.url));
export const fixtureYaml = readFileSync(fixtureFile, 'utf8');

export function policyFrom(yaml: string): Policy {
  const result = parsePolicy(yaml);
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`).join('\n'));
  return result.policy;
}

export const fixturePolicy = policyFrom(fixtureYaml);
