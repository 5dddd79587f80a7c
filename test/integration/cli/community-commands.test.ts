// `footprint demo` and `footprint roster import`, run as an operator would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFootprint } from '../../support/processes.ts';

describe('The community commands', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'footprint-demo-'));
  const files = mkdtempSync(join(tmpdir(), 'footprint-roster-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });
  const csv = (name: string, text: string) => {
    const file = join(files, `${name}.csv`);
    writeFileSync(file, text);
    return file;
  };

  it('creates a labelled demo trust in another embedded database and says how to find it', async () => {
    const result = await runFootprint([
      'demo',
      '--data-dir',
      dataDir,
      '--pupils',
      '40',
      '--schools',
      '1',
      '--seed',
      '3',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created the demo trust "Demo: [^"]+"/);
    expect(result.stdout).toMatch(/40 pupils/);
    expect(result.stdout).toMatch(/Public address: \/s\/demo-[a-z-]+/);
    expect(result.stdout).toMatch(/DEMO SIGN-IN DETAILS \(invented people only/);
    expect(result.stdout).toMatch(/Password for every demo account: demo-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\n/);
    expect(result.stdout).toMatch(/ {4}Headteacher +\S+@\S+\n +authenticator key [A-Z2-7]+; or a one-time code: /);
  });

  it('refuses to make a demo in production, where its printed passwords would be real ones', async () => {
    const result = await runFootprint(['demo', '--data-dir', join(dataDir, 'production')], { NODE_ENV: 'production' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('NODE_ENV is production');
    expect(result.stdout).toBe('');
  });

  it('imports a pupils file into a demo school, and lists every problem of a bad one', async () => {
    const slug = /Public address: \/s\/(demo-[a-z-]+)/.exec(
      (await runFootprint(['demo', '--data-dir', join(dataDir, 'second'), '--pupils', '20', '--schools', '1'])).stdout,
    )?.[1];
    expect(slug).toBeDefined();
    const env = { DATA_DIR: join(dataDir, 'second') };
    const good = csv('good', 'MIS ID,First name,Last name,Date of birth,Year group\nX1,Ada,Lane,2018-01-02,Year 2\n');
    const imported = await runFootprint(['roster', 'import', '--school', slug!, '--kind', 'pupils', good], env);
    // Every demo pupil still on the roll is missing from this file; the demo's few leavers are already marked.
    const left = Number(/1 added, 0 updated, (\d+) no longer in the file marked as left/.exec(imported.stdout)?.[1]);
    expect(left).toBeGreaterThan(10);
    expect(left).toBeLessThan(20);
    expect(imported.code).toBe(0);

    const bad = csv(
      'bad',
      'MIS ID,First name,Last name,Date of birth,Year group\nX2,Bo,Lane,30/02/2018,Year 2\nX2,Cy,Lane,2018-01-02,Year 22\n',
    );
    const refused = await runFootprint(['roster', 'import', '--school', slug!, '--kind', 'pupils', bad], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad}: row 2, Date of birth:`);
    expect(refused.stderr).toContain(`${bad}: row 3, Year group:`);
    expect(refused.stderr).toContain(`${bad}: row 3, MIS ID:`);
    expect(refused.stderr).toContain('Nothing was imported');

    const unknown = await runFootprint(['roster', 'import', '--school', 'nowhere', '--kind', 'pupils', good], env);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('There is no school "nowhere"')]);
    const wrongKind = await runFootprint(['roster', 'import', '--school', slug!, '--kind', 'teachers', good], env);
    expect([wrongKind.code, wrongKind.stderr]).toEqual([2, expect.stringContaining('--kind must be one of')]);
  });
});
