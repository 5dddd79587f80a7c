// Reading a policy file: YAML text in, a checked policy out, or every problem with the
// line and column where it is, so an office manager can find and fix it.
import { isNode, LineCounter, parseDocument } from 'yaml';
import { crossCheck, policySchema, type Policy } from './schema.ts';

export interface PolicyProblem {
  line: number;
  column: number;
  path: string;
  message: string;
}

export type ParseResult = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

export function parsePolicy(text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ ...at(e.pos[0]), path: '', message: e.message.split('\n')[0] ?? e.message })),
    };
  }
  const raw: unknown = doc.toJS();
  const result = policySchema.safeParse(raw);
  if (result.success) return { ok: true, policy: result.data };
  // The schema stops before its cross-checks when a field is wrong; run them anyway, once.
  const issues = [...result.error.issues, ...crossCheck(raw)].map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.path.join('.')}|${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const problems = unique.map(({ path, message }) => {
    // Point at the deepest part of the path that the file has.
    let offset = 0;
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        offset = node.range[0];
        break;
      }
    }
    return { ...at(offset), path: path.join('.'), message };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}

export function formatProblem(file: string, p: PolicyProblem): string {
  return `${file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}
