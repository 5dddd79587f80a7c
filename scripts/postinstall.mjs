// After `npm install` / `npm ci`: build the browser assets, and link node_modules/.bin/footprint
// to bin/footprint.mjs, because npm links the bins of dependencies but not the project's own.
import { chmodSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await import('./build-assets.mjs');

const target = join(root, 'bin', 'footprint.mjs');
const link = join(root, 'node_modules', '.bin', 'footprint');
chmodSync(target, 0o755);
mkdirSync(dirname(link), { recursive: true });
try {
  lstatSync(link);
  rmSync(link);
} catch {
  // No link yet.
}
symlinkSync(relative(dirname(link), target), link);
console.log('Linked node_modules/.bin/footprint');
