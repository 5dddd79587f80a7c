// `footprint monitor classify`, run as a separate process exactly as the contract describes it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFootprint } from '../../support/processes.ts';

const watch = {
  school: { names: ['Oakfield Primary', 'Oakfield'], handles: ['@oakfieldprimary'] },
  pupils: [{ first: 'Grace', last: 'Hill' }],
  staff: [{ first: 'Sam', last: 'Patel', title: 'Mr' }],
};

function file(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'footprint-monitor-')), name);
  writeFileSync(path, content);
  return path;
}
const lines = (...mentions: object[]) => mentions.map((m) => JSON.stringify(m)).join('\n') + '\n';

describe('footprint monitor classify', () => {
  it('writes one JSON line per mention, in order, reading standard input when no --input', async () => {
    const input = lines(
      { id: 'a', text: 'Thank you Oakfield Primary for a brilliant sports day', source: 'bluesky' },
      { id: 'b', text: 'Roadworks on Oakfield Road', source: 'rss' },
      { id: 'c', text: 'Grace Hill from Oakfield Primary won the race!', source: 'manual', hasImage: false },
    );
    const result = await runFootprint(
      ['monitor', 'classify', '--watch', file('watch.json', JSON.stringify(watch))],
      {},
      input,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(out[0]).toEqual({ id: 'a', aboutSchool: true, labels: ['praise'], evidence: { praise: expect.any(Array) } });
    expect(out[1]).toEqual({ id: 'b', aboutSchool: false, labels: [], evidence: {} });
    expect(out[2]).toMatchObject({ aboutSchool: true, labels: expect.arrayContaining(['names_child', 'praise']) });
  });

  it('reads --input and exits 2 naming an invalid line', async () => {
    const input = file(
      'in.jsonl',
      lines({ id: 'a', text: 'Oakfield Primary', source: 'rss' }, { id: 'b', source: 'rss' }),
    );
    const result = await runFootprint([
      'monitor',
      'classify',
      '--watch',
      file('watch.json', JSON.stringify(watch)),
      '--input',
      input,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^input line 2: text: /m);
  });

  it('exits 2 for an invalid watch file, a missing file or wrong arguments', async () => {
    const invalid = await runFootprint(
      ['monitor', 'classify', '--watch', file('watch.json', '{"school":{"names":[]}}')],
      {},
      '',
    );
    expect([invalid.code, invalid.stderr]).toEqual([2, expect.stringContaining('watch: school.names')]);
    const missing = await runFootprint(['monitor', 'classify', '--watch', '/nowhere/watch.json'], {}, '');
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const wrong = await runFootprint(['monitor', 'watch'], {}, '');
    expect(wrong.code).toBe(2);
    const help = await runFootprint(['help']);
    expect(help.stdout).toContain('footprint monitor classify --watch <watch.json>');
  });
});
