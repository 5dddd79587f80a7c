import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { librarySlugs } from '../../../src/adapters/policy-files/index.ts';
import { commands } from '../../../src/cli/commands/index.ts';
import { run } from '../../../src/cli/commands/policy.ts';
import { fixtureFile, fixtureYaml } from './fixture.ts';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const capture = (stream: NodeJS.WriteStream, into: (text: string) => void) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      into(String(chunk));
      return true;
    });
  capture(process.stdout, (t) => (stdout += t));
  capture(process.stderr, (t) => (stderr += t));
  try {
    const code = await run(argv);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

const tempFile = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'footprint-policy-')), name);
  writeFileSync(file, text);
  return file;
};

const slugs = librarySlugs();

describe('footprint policy', () => {
  it('lists the library', async () => {
    const { code, stdout } = await cli('list');
    expect(code).toBe(0);
    expect(stdout).toBe(slugs.map((s) => `${s}\n`).join(''));
  });

  it('renders a policy file as Markdown by default, and as HTML when asked', async () => {
    const md = await cli('render', fixtureFile);
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith('# Larkrise')).toBe(true);
    const html = await cli('render', fixtureFile, '--format', 'html');
    expect(html.code).toBe(0);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('refuses an unknown format or option with exit 2', async () => {
    const pdf = await cli('render', fixtureFile, '--format', 'pdf');
    expect(pdf).toMatchObject({ code: 2, stdout: '' });
    expect(pdf.stderr).toContain('md or html');
    expect((await cli('render', fixtureFile, '--colour')).code).toBe(2);
    expect((await cli('publish')).code).toBe(2);
  });

  it('names the valid slugs when a policy is unknown', async () => {
    const { code, stderr } = await cli('render', 'no-such-school');
    expect(code).toBe(2);
    expect(stderr).toContain('no-such-school');
    for (const slug of slugs) expect(stderr).toContain(slug);
  });

  it('says plainly when a path is a folder', async () => {
    const { code, stderr } = await cli('validate', tmpdir());
    expect(code).toBe(2);
    expect(stderr).toContain('is a folder, not a file');
  });

  it('says a valid file is valid, with its counts', async () => {
    const { code, stdout } = await cli('validate', fixtureFile);
    expect(code).toBe(0);
    expect(stdout).toBe(`${fixtureFile}: valid — 6 rules, 2 procedures\n`);
  });

  it('prints every problem of a broken file as file:line:column: path: message, exit 2', async () => {
    const broken = fixtureYaml
      .replace('modality: should_not', 'modality: ought_not')
      .replace('topic: staff-privacy-settings', 'topic: privacy');
    const file = tempFile('broken.yaml', broken);
    const lineOf = (text: string) => broken.split('\n').findIndex((l) => l.includes(text)) + 1;
    const { code, stdout } = await cli('validate', file);
    expect(code).toBe(2);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${file}:${lineOf('ought_not')}:15: rules\\.1\\.modality: `));
    expect(lines[1]).toMatch(new RegExp(`^${file}:${lineOf('topic: privacy')}:12: rules\\.4\\.topic: `));
  });

  it('points at a YAML syntax error', async () => {
    const file = tempFile('syntax.yaml', 'slug: x\ntitle: [unclosed\n');
    const { code, stdout } = await cli('validate', file);
    expect(code).toBe(2);
    expect(stdout).toMatch(new RegExp(`^${file}:\\d+:\\d+: `));
  });

  it('compares two or more policies, and refuses one', async () => {
    expect((await cli('compare', fixtureFile)).code).toBe(2);
    const { code, stdout } = await cli('compare', fixtureFile, fixtureFile, '--format', 'json');
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout) as { policies: { slug: string }[] };
    expect(comparison.policies.map((p) => p.slug)).toEqual(['larkrise', 'larkrise']);
  });

  it.skipIf(!slugs.includes('wingate') || !slugs.includes('bledington'))(
    'shows that wingate advises against staff befriending parents where bledington forbids it',
    async () => {
      const { code, stdout } = await cli('compare', 'wingate', 'bledington', '--format', 'md');
      expect(code).toBe(0);
      const section = stdout.split('\n## ').find((s) => s.includes('(`staff-parent-contact`)'));
      expect(section).toContain('- wingate advises against (should not) where bledington forbids (must not)');
      expect(section).toContain('only wingate requires that the relationship is declared to the school');
    },
  );

  it.skipIf(!('policy' in commands))('runs as `footprint policy` from the command line', () => {
    const result = spawnSync('node_modules/.bin/node', ['src/cli/main.ts', 'policy', 'validate', fixtureFile], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('valid — 6 rules, 2 procedures');
  });
});
