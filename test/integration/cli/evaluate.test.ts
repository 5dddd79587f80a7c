// `footprint evaluate`, run as a separate process exactly as the contract describes it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFootprint } from '../../support/processes.ts';

const pupilRequest = { actor: { role: 'staff' }, act: 'friend_request_accept', counterpart: { role: 'pupil', age: 9 } };

function situationFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'footprint-evaluate-')), 'situation.json');
  writeFileSync(file, content);
  return file;
}

describe('footprint evaluate', () => {
  it('answers from a published policy by slug, reading the situation from a file', async () => {
    const result = await runFootprint([
      'evaluate',
      '--policy',
      'bledington',
      '--situation',
      situationFile(JSON.stringify(pupilRequest)),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as {
      verdict: string;
      policy: { slug: string };
      actions: { action: string }[];
    };
    expect(outcome.policy.slug).toBe('bledington');
    expect(outcome.verdict).toBe('breach');
    expect(outcome.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['decline_request', 'notify_headteacher', 'notify_parents_of_pupil']),
    );
  });

  it('reads the situation from standard input when no file is given, and takes a policy file path', async () => {
    const result = await runFootprint(
      ['evaluate', '--policy', 'policies/published/wingate.yaml'],
      {},
      JSON.stringify(pupilRequest),
    );
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { policy: { slug: string } }).policy.slug).toBe('wingate');
  });

  it('exits 2 naming the field that is wrong', async () => {
    const wrong = { ...pupilRequest, counterpart: { role: 'teacher' } };
    const result = await runFootprint([
      'evaluate',
      '--policy',
      'wingate',
      '--situation',
      situationFile(JSON.stringify(wrong)),
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^situation: counterpart\.role: /m);
  });

  it('exits 2 for JSON it cannot read, an unknown policy, or a missing --policy', async () => {
    const unreadable = await runFootprint([
      'evaluate',
      '--policy',
      'wingate',
      '--situation',
      situationFile('{ not json'),
    ]);
    expect([unreadable.code, unreadable.stderr]).toEqual([2, expect.stringContaining('not readable as JSON')]);
    const unknown = await runFootprint(['evaluate', '--policy', 'nowhere', '--situation', situationFile('{}')]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('no policy "nowhere"')]);
    const missing = await runFootprint(['evaluate']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--policy is required')]);
  });

  it('exits 2 with the line of the problem when the policy file itself is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'footprint-policy-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      'slug: broken\ntitle: Broken\nissuedTo: [A school]\nstatus: sent\nversion: "1"\naudiences: [staff]\nsections: [{ id: A, heading: A }]\n',
    );
    const result = await runFootprint([
      'evaluate',
      '--policy',
      file,
      '--situation',
      situationFile(JSON.stringify(pupilRequest)),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:4:9: status:`);
  });
});
