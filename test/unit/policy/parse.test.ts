import { describe, expect, it } from 'vitest';
import { formatProblem, parsePolicy } from '../../../src/domain/policy/index.ts';
import { fixtureYaml } from './fixture.ts';

const problemsOf = (text: string) => {
  const result = parsePolicy(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('reading a policy file', () => {
  it('accepts a well-formed policy', () => {
    const result = parsePolicy(fixtureYaml);
    expect(result.ok).toBe(true);
  });

  it('points at the line and column of a wrong value', () => {
    const broken = fixtureYaml.replace('modality: should_not', 'modality: ought_not');
    const [problem] = problemsOf(broken);
    const line = broken.split('\n').findIndex((l) => l.includes('ought_not')) + 1;
    expect(problem).toMatchObject({ line, column: 15, path: 'rules.1.modality' });
    expect(formatProblem('oakfield.yaml', problem!)).toMatch(
      new RegExp(`^oakfield.yaml:${line}:15: rules.1.modality: `),
    );
  });

  it('reports every problem, in file order, including mistakes inside conditions', () => {
    const broken = fixtureYaml
      .replace('topic: staff-parent-contact', 'topic: staff-parents')
      .replace('counterpart.role: parent }', 'counterpart.rol: parent }')
      .replace('breachOf: [B1]', 'breachOf: [B9]');
    const problems = problemsOf(broken);
    expect(problems.map((p) => p.path)).toEqual([
      'rules.1.topic',
      'rules.1.when.counterpart.rol',
      'procedures.0.trigger.breachOf.0',
    ]);
    expect(problems[1]?.message).toContain('is not something a situation describes');
    expect(problems[2]?.message).toBe('there is no rule B9');
    const lines = problems.map((p) => p.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('names a missing field at the place it belongs', () => {
    const problems = problemsOf(fixtureYaml.replace('    summary: Better not to befriend parents.\n', ''));
    expect(problems).toEqual([expect.objectContaining({ path: 'rules.1.summary' })]);
  });

  it('catches duplicate ids and unknown sections', () => {
    const problems = problemsOf(fixtureYaml.replace('- id: A2', '- id: A1').replace('section: B\n', 'section: Z\n'));
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(['id A1 is used twice among rules and procedures', 'there is no section Z']),
    );
  });

  it('reports broken YAML with its position', () => {
    const [problem] = problemsOf('slug: x\ntitle: [unclosed\n');
    expect(problem?.line).toBeGreaterThan(0);
  });

  it('asks for quotes around versions and ids that YAML would read as numbers', () => {
    const problems = problemsOf(
      fixtureYaml.replace("version: '2.1'", 'version: 2.10').replace('- id: A2', '- id: 2.10'),
    );
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['version', "put it in quotes, e.g. '2.1', so it is kept exactly as written"],
      ['rules.1.id', "put it in quotes, e.g. '2.10', so it is kept exactly as written"],
    ]);
  });
});
