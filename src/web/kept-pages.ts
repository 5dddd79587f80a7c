// Public pages rendered once and kept beside what they show: a published policy's page is the
// same for every reader but for the nonce of its security policy, which is put in as it is sent.
// Kept in a WeakMap by the service's kept copy, so a page goes when its copy does.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const nonceMark = `nonce-mark-${randomBytes(16).toString('hex')}`;
const formMark = `form-mark-${randomBytes(16).toString('hex')}`;

/** Pages of one kept copy, by variant (which page, which answers), at most this many a copy. */
const variantsKept = 200;

interface Rendered {
  /** The page cut where its nonce goes. */
  parts: string[];
  /** Names the page's content; weak, because each response carries its own nonce. */
  tag: string;
}

const kept = new WeakMap<object, Map<string, Promise<Rendered | undefined>>>();

async function render(reply: FastifyReply, template: string, model: Record<string, unknown>) {
  const html = await reply.viewAsync(template, {
    ...reply.locals,
    ...model,
    viewer: undefined,
    cspNonce: nonceMark,
    csrfToken: () => formMark,
  });
  // A page with a form carries a token of its reader's own: that one is never kept.
  if (html.includes(formMark)) return undefined;
  const tag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  return { parts: html.split(nonceMark), tag };
}

function matches(request: FastifyRequest, tag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(tag));
}

export interface KeptPage {
  /** A kept copy from a service: the page lives as long as it does. */
  source: object;
  /** Which page of it: the template, and what else the page depends on (its answers, say). */
  variant: string;
  template: string;
  model: () => Record<string, unknown>;
  cacheControl: string;
  status?: number;
}

/**
 * Sends the page, rendered the first time and kept after, or 304 when the reader's copy is the
 * same. It names nobody, whoever is signed in.
 */
export async function sendKeptPage(request: FastifyRequest, reply: FastifyReply, page: KeptPage) {
  let pages = kept.get(page.source);
  if (!pages) kept.set(page.source, (pages = new Map<string, Promise<Rendered | undefined>>()));
  const key = `${page.template}:${page.variant}`;
  let rendering = pages.get(key);
  if (!rendering) {
    rendering = render(reply, page.template, page.model());
    pages.set(key, rendering);
    rendering.catch(() => pages.delete(key));
    if (pages.size > variantsKept) pages.delete(pages.keys().next().value!);
  }
  const rendered = await rendering;
  reply.code(page.status ?? 200).header('cache-control', page.cacheControl);
  if (!rendered) {
    const html = await reply.viewAsync(page.template, { ...reply.locals, ...page.model(), viewer: undefined });
    return reply.type('text/html; charset=utf-8').send(html);
  }
  reply.header('etag', rendered.tag);
  if (page.status === undefined && matches(request, rendered.tag)) {
    // The copy kept by the browser goes with the policy header it came with: a new nonce would block its script.
    reply.removeHeader('content-security-policy');
    return reply.code(304).send();
  }
  return reply.type('text/html; charset=utf-8').send(rendered.parts.join(reply.cspNonce.script));
}
