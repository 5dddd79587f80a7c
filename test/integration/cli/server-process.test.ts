// The real server process: started as an operator would, stopped as a process manager would.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFootprint, startServerProcess, type ServerProcess } from '../../support/processes.ts';

describe('The Footprint server process', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-server-'));
  });

  afterEach(async () => {
    if (server?.child.exitCode === null) await server.stop('SIGKILL').catch(() => undefined);
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves, then exits 0 within 5 seconds of SIGTERM, releasing the data directory', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);

    const result = await server.stop('SIGTERM', 5000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"msg":"Stopped"');
    expect(await readdir(dataDir)).not.toContain('footprint.lock');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('also stops cleanly on SIGINT, and starts again on the same data', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir });
    expect((await server.stop('SIGINT', 5000)).code).toBe(0);
    server = await startServerProcess({ DATA_DIR: dataDir });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect((await server.stop('SIGTERM', 5000)).code).toBe(0);
  });

  it('refuses a second server on the same data directory with a one-line explanation', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir });
    const second = await runFootprint(['start'], { DATA_DIR: dataDir });
    expect(second.code).not.toBe(0);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^footprint: Another Footprint process \\(pid ${server.child.pid ?? 0}\\) is already using the data directory .+: stop it first, or set DATA_DIR to a different directory\\.$`,
      ),
    );
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
