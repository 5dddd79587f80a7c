// The import boundaries between Footprint's layers, as an ESLint rule.
// Imports flow one way: web, jobs, cli → services → domain. Adapters implement
// services/ports.ts and are wired in src/wiring.ts only.
import { dirname, relative, resolve, sep } from 'node:path';

const srcRoot = resolve(import.meta.dirname, '..', 'src');

const ioPackages = [
  'fastify',
  '@fastify/',
  'kysely',
  'pg',
  '@electric-sql/',
  'pino',
  'nunjucks',
  'node:fs',
  'node:child_process',
  'node:net',
  'node:http',
];

/** What each part of src/ may import from src/, and which packages it must not use. */
export const layerRules = {
  domain: { may: ['domain'], packagesForbidden: ioPackages },
  services: { may: ['domain', 'services', 'errors.ts'], packagesForbidden: ioPackages },
  adapters: { may: ['domain', 'services/ports.ts', 'adapters', 'errors.ts', 'config.ts', 'log.ts'] },
  web: { may: ['web', 'services', 'domain', 'errors.ts', 'config.ts', 'log.ts', 'wiring.ts'] },
  jobs: { may: ['jobs', 'services', 'domain', 'errors.ts', 'config.ts', 'log.ts', 'wiring.ts'] },
  cli: {
    may: ['cli', 'services', 'domain', 'errors.ts', 'config.ts', 'log.ts', 'wiring.ts', 'server.ts', 'web'],
  },
  'server.ts': { may: ['web', 'jobs', 'services', 'errors.ts', 'config.ts', 'log.ts', 'wiring.ts'] },
  'wiring.ts': { may: ['domain', 'services', 'adapters', 'errors.ts', 'config.ts', 'log.ts'] },
  'config.ts': { may: ['errors.ts'] },
  'errors.ts': { may: [] },
  'log.ts': { may: ['config.ts'] },
};

/** The part of src/ a file belongs to ("domain", "services/ports.ts", "wiring.ts"…), or undefined outside src/. */
function partOf(file) {
  const path = relative(srcRoot, file);
  if (path.startsWith('..') || path === '') return undefined;
  return path.split(sep).join('/');
}

function layerOf(part) {
  const first = part.split('/')[0];
  return first in layerRules ? first : undefined;
}

function allowed(fromLayer, targetPart) {
  return layerRules[fromLayer].may.some((entry) => targetPart === entry || targetPart.startsWith(`${entry}/`));
}

function forbiddenPackage(fromLayer, specifier) {
  const list = layerRules[fromLayer].packagesForbidden ?? [];
  return list.find((name) =>
    name.endsWith('/') ? specifier.startsWith(name) : specifier === name || specifier.startsWith(`${name}/`),
  );
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports flowing one way between the layers of src/' },
    schema: [],
    messages: {
      layer: '{{from}} must not import {{target}}. {{why}}',
      package: '{{from}} must not use {{name}}: this layer does no I/O and knows no framework.',
    },
  },
  create(context) {
    const fromPart = partOf(context.filename);
    const fromLayer = fromPart && layerOf(fromPart);
    if (!fromLayer) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (!specifier.startsWith('.')) {
        const name = forbiddenPackage(fromLayer, specifier);
        if (name) context.report({ node, messageId: 'package', data: { from: `src/${fromLayer}`, name } });
        return;
      }
      const targetPart = partOf(resolve(dirname(context.filename), specifier));
      if (!targetPart) {
        context.report({
          node,
          messageId: 'layer',
          data: { from: `src/${fromPart}`, target: specifier, why: 'Code in src/ imports only from src/.' },
        });
        return;
      }
      if (allowed(fromLayer, targetPart)) return;
      const why = targetPart.startsWith('adapters/')
        ? 'Adapters are reached through src/wiring.ts only.'
        : 'Imports flow one way: web, jobs, cli → services → domain.';
      context.report({
        node,
        messageId: 'layer',
        data: { from: `src/${fromLayer === fromPart ? fromPart : fromLayer}`, target: `src/${targetPart}`, why },
      });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { meta: { name: 'footprint' }, rules: { layers: rule } };
