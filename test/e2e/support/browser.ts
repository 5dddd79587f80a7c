// Chromium as Debian ships it, driven by playwright-core, and the real app behind it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { copyPgliteTemplate } from '../../support/backends.ts';
import { chromiumPath } from '../../support/environment.ts';
import { startServerProcess, type ServerProcess } from '../../support/processes.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface RunningFootprint {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The real `footprint start` on an ephemeral port, with a fresh embedded database. */
export async function startFootprint(): Promise<RunningFootprint> {
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-e2e-'));
  let server: ServerProcess;
  try {
    await copyPgliteTemplate(dataDir);
    server = await startServerProcess({ DATA_DIR: dataDir });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl: server.url,
    async stop() {
      try {
        await server.stop('SIGTERM');
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
