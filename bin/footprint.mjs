#!/usr/bin/env node
// The `footprint` command. Footprint runs its TypeScript directly on Node 24; on an older Node
// this re-runs itself with the Node 24 that the project installs (the `node` package).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import('../src/cli/main.ts');
} else {
  const self = fileURLToPath(import.meta.url);
  const node24 = join(dirname(self), '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node24)) {
    console.error(`footprint: Node.js 24 or later is needed (this is ${process.version}). Run npm install first.`);
    process.exit(1);
  }
  const child = spawn(node24, [self, ...process.argv.slice(2)], { stdio: 'inherit' });
  // Pass stop signals on, so that the server shuts down cleanly.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else {
      process.exit(code ?? 1);
    }
  });
}
