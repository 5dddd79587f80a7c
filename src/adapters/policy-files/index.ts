// The policy library on disk: our model policy and the encoded published policies, as YAML
// files under policies/. A reference is a slug ("wingate", "model") or a path to a file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy, type ParseResult } from '../../domain/policy/index.ts';

export const policiesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../policies');

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Where the policy with this slug lives, if the library has it. */
export function policyFileFor(slug: string, dir = policiesDir): string | undefined {
  if (!slugPattern.test(slug)) return undefined;
  return [join(dir, 'published', `${slug}.yaml`), join(dir, `${slug}.yaml`)].find((f) => existsSync(f));
}

/** Every slug in the library: the published encodings, then the model. */
export function librarySlugs(dir = policiesDir): string[] {
  const slugsIn = (d: string) =>
    existsSync(d)
      ? readdirSync(d)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => basename(f, '.yaml'))
          .sort()
      : [];
  return [...slugsIn(join(dir, 'published')), ...slugsIn(dir)];
}

export type LoadResult = (ParseResult & { file: string }) | { ok: false; file: undefined; notFound: string };

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/** Reads a policy by slug or by file path. */
export function loadPolicy(reference: string, dir = policiesDir): LoadResult {
  const file = policyFileFor(reference, dir) ?? (isFile(reference) ? reference : undefined);
  if (!file) {
    const what = existsSync(reference) ? `"${reference}" is a folder, not a file` : `no policy "${reference}"`;
    return {
      ok: false,
      file: undefined,
      notFound: `${what}: give a file path or one of ${librarySlugs(dir).join(', ')}`,
    };
  }
  return { ...parsePolicy(readFileSync(file, 'utf8')), file };
}

/** The library as the policy service sees it. */
export function filePolicyLibrary(dir = policiesDir) {
  return {
    find(slug: string): ParseResult | undefined {
      const file = policyFileFor(slug, dir);
      return file ? parsePolicy(readFileSync(file, 'utf8')) : undefined;
    },
    slugs: () => librarySlugs(dir),
  };
}
