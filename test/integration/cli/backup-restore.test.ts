// A backup is only as good as its restore: back up, restore into an empty place, start on it,
// and find the same data there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import { createAdapters, createServices } from '../../../src/wiring.ts';
import { type Backend, describeEachBackend, environmentFor, type TestDatabase } from '../../support/backends.ts';
import { available } from '../../support/environment.ts';
import { runFootprint, startServerProcess } from '../../support/processes.ts';
import type { Config } from '../../../src/config.ts';

const pgDumpPresent = spawnSync('pg_dump', ['--version']).status === 0;

async function readMarker(config: Config) {
  const adapters = await createAdapters(config, createLogger(config));
  try {
    const setting = await adapters.units.acrossSchools((store) => store.settings.find('backup-marker'));
    const installation = await createServices(adapters).installation.describe();
    return { marker: setting?.value, installationId: installation.id };
  } finally {
    await adapters.close();
  }
}

describeEachBackend('Backup and restore', (backend: Backend) => {
  const canBackUp = backend.name === 'pglite' || available('pg_dump', pgDumpPresent, 'pg_dump is not installed');
  let source: TestDatabase;
  let target: TestDatabase;
  let workDir: string;
  let before: Awaited<ReturnType<typeof readMarker>>;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'footprint-backups-'));
    source = await backend.open();
    target = await backend.empty.open();
    const adapters = await createAdapters(source.config, createLogger(source.config));
    await adapters.migrate();
    await adapters.units.acrossSchools((store) =>
      store.settings.save('backup-marker', { note: 'written before the backup' }, new Date()),
    );
    await adapters.close();
    before = await readMarker(source.config);
  });

  afterAll(async () => {
    await source.destroy();
    await target.destroy();
    await rm(workDir, { recursive: true, force: true });
  });

  it.runIf(canBackUp)('restores into an empty place, where the app starts with the same data', async () => {
    const file = join(workDir, 'footprint.backup');
    const backedUp = await runFootprint(['backup', file], environmentFor(source.config));
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    expect(existsSync(file)).toBe(true);

    const restored = await runFootprint(['restore', file], environmentFor(target.config));
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);

    const server = await startServerProcess(environmentFor(target.config));
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      expect((await server.stop('SIGTERM', 5000)).code).toBe(0);
    }
    expect(await readMarker(target.config)).toEqual(before);
    expect(before.marker).toEqual({ note: 'written before the backup' });
  });

  it.runIf(canBackUp)('refuses to restore over existing data', async () => {
    const file = join(workDir, 'again.backup');
    expect((await runFootprint(['backup', file], environmentFor(source.config))).code).toBe(0);
    const refused = await runFootprint(['restore', file], environmentFor(source.config));
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/is not empty: restore only into/);
    expect(await readMarker(source.config)).toEqual(before);
  });

  it('will not overwrite an existing backup file', async () => {
    const file = join(workDir, 'existing.backup');
    await writeFile(file, 'keep me');
    const result = await runFootprint(['backup', file], environmentFor(source.config));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already exists');
  });

  it('refuses a file that is not a backup', async () => {
    const file = join(workDir, 'notes.txt');
    await writeFile(file, 'just some notes');
    const result = await runFootprint(['restore', file], environmentFor(target.config));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a Footprint backup');
  });
});
