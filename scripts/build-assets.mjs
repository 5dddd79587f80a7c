// Builds the browser assets into public/: our Sass (GOV.UK Frontend in Arial), GOV.UK Frontend's
// JavaScript and our images. Runs on `npm install` and, when sources changed, before `npm start`.
// With --if-stale it does nothing when public/ was built from the same sources.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'src', 'web', 'assets');
const govuk = join(root, 'node_modules', 'govuk-frontend');
const output = join(root, 'public');
const stampFile = join(output, '.build-stamp');

function filesUnder(directory) {
  return readdirSync(directory, { recursive: true })
    .map((entry) => join(directory, entry))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** A fingerprint of everything the build reads: our sources, this script and the GOV.UK Frontend version. */
function fingerprint() {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(sources), fileURLToPath(import.meta.url), join(govuk, 'package.json')]) {
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

async function build() {
  const { compile } = await import('sass');
  rmSync(output, { recursive: true, force: true });
  mkdirSync(join(output, 'stylesheets'), { recursive: true });
  mkdirSync(join(output, 'javascripts'), { recursive: true });

  const css = compile(join(sources, 'application.scss'), {
    loadPaths: [join(root, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  writeFileSync(join(output, 'stylesheets', 'application.css'), css.css);

  for (const file of ['govuk-frontend.min.js', 'govuk-frontend.min.js.map']) {
    copyFileSync(join(govuk, 'dist', 'govuk', file), join(output, 'javascripts', file));
  }
  cpSync(join(sources, 'images'), join(output, 'images'), { recursive: true });
}

const ifStale = process.argv.includes('--if-stale');
const wanted = fingerprint();
if (ifStale && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) {
  process.exit(0);
}
await build();
writeFileSync(stampFile, wanted);
console.log(`Built the browser assets into ${relative(process.cwd(), output) || '.'}`);
