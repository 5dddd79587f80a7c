// bin/footprint.mjs on a Node older than 24 re-runs itself with the project's own Node 24.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childEnvironment, footprintBin } from '../../support/processes.ts';

function olderNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    const major = Number(/^v(\d+)/.exec(version.stdout ?? '')?.[1]);
    if (version.status === 0 && major < 24) return candidate;
  }
  return undefined;
}

const node = olderNode();
if (!node) console.warn('Skipping the older-Node test: no Node older than 24 on this machine');

describe.runIf(node)('The footprint command on an older Node', () => {
  it('runs on the project’s Node 24 and passes on the exit code', () => {
    const help = spawnSync(node ?? '', [footprintBin, 'help'], { encoding: 'utf8', env: childEnvironment({}) });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: footprint <command>');

    const unknown = spawnSync(node ?? '', [footprintBin, 'nonsense'], { encoding: 'utf8', env: childEnvironment({}) });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "nonsense"');
  });
});
