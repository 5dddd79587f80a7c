// The school's published social media policy, for anyone to read without signing in: the current
// version, any earlier one by its number, and each as a PDF. A school's website links here, so the
// pages are cacheable, carry nobody's name and never set a cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../domain/policy/render/index.ts';
import { AppError } from '../../errors.ts';
import type { PublishedDocument } from '../../services/policy-documents.ts';
import type { RoutePlugin } from '../route-plugin.ts';
import { sendKeptPage } from '../kept-pages.ts';
import { readableText } from './policy-text.ts';

interface SchoolParams {
  school: string;
}

interface VersionParams extends SchoolParams {
  number: string;
}

/** A current version changes when the next is published; an earlier one never changes again. */
const caching = { current: 'public, max-age=300', superseded: 'public, max-age=86400' };

/** Before a school has published, its address is worth trying again soon. */
const notYetPublishedCaching = 'public, max-age=60';

const slugPattern = /^[a-z0-9][a-z0-9-]{0,59}$/;
const numberPattern = /^[1-9]\d{0,8}$/;

export const policyPaths = {
  current: (slug: string) => `/s/${encodeURIComponent(slug)}/policy`,
  currentPdf: (slug: string) => `/s/${encodeURIComponent(slug)}/policy.pdf`,
  version: (slug: string, number: number) => `/s/${encodeURIComponent(slug)}/policy/v/${number}`,
  versionPdf: (slug: string, number: number) => `/s/${encodeURIComponent(slug)}/policy/v/${number}.pdf`,
};

const day = (at: Date | undefined) => (at ? formatDate(at.toISOString().slice(0, 10)) : undefined);

/**
 * Names what was sent: the version's text (by its content hash), its label and status, and, for
 * a page, which versions it lists. Weak, because every page carries its own CSP nonce.
 */
function entityTag(found: PublishedDocument, kind: 'page' | 'pdf'): string {
  const latest = found.versions[0]?.number ?? found.version.number;
  const parts = [kind, found.version.contentHash.slice(0, 24), found.version.label, found.version.status];
  if (kind === 'page') parts.push(`of-${latest}`);
  return `W/"${parts.join('-').replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

function matches(request: FastifyRequest, tag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(tag));
}

/** Sets the caching headers; true when the reader's copy is still good and 304 has been sent. */
function notModified(request: FastifyRequest, reply: FastifyReply, found: PublishedDocument, tag: string): boolean {
  const isCurrent = found.version.status === 'published';
  reply.header('cache-control', isCurrent ? caching.current : caching.superseded).header('etag', tag);
  if (!matches(request, tag)) return false;
  // The copy kept by the browser goes with the policy header it came with: a new nonce would block its script.
  reply.removeHeader('content-security-policy');
  void reply.code(304).send();
  return true;
}

function versionNumber(value: string): number {
  if (!numberPattern.test(value)) throw new AppError('not_found');
  return Number(value);
}

function pageModel(found: PublishedDocument) {
  const { school, version, readable, current } = found;
  const isCurrent = version.status === 'published';
  return {
    pageTitle: `${readable.title}, version ${version.label}`,
    school: { name: school.name },
    version: {
      number: version.number,
      label: version.label,
      isCurrent,
      published: day(version.publishedAt),
      superseded: day(version.supersededAt),
    },
    current: current && { label: current.label, href: policyPaths.current(school.slug) },
    pdf: {
      href: isCurrent ? policyPaths.currentPdf(school.slug) : policyPaths.versionPdf(school.slug, version.number),
    },
    ratifications: found.ratifications.map((r) => ({ on: formatDate(r.ratifiedOn), meeting: r.meeting })),
    versions: found.versions.map((v) => ({
      label: v.label,
      href: v.status === 'published' ? policyPaths.current(school.slug) : policyPaths.version(school.slug, v.number),
      isThis: v.number === version.number,
      isCurrent: v.status === 'published',
      published: day(v.publishedAt),
    })),
    ...readableText(readable),
  };
}

async function sendPage(reply: FastifyReply, template: string, model: Record<string, unknown>, status = 200) {
  // Nobody's name on a page that caches publicly, even when someone signed in is reading it.
  const html = await reply.viewAsync(template, { ...reply.locals, ...model, viewer: undefined });
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

export const publicPolicyRoutes: RoutePlugin = async (app, { services }) => {
  const documents = services.policyDocuments;

  // Reading the policy is not a visit to Footprint: whatever the session did, no cookie goes back.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.removeHeader('set-cookie');
    return payload;
  });

  async function find(slug: string, number?: number): Promise<PublishedDocument> {
    if (!slugPattern.test(slug)) throw new AppError('not_found');
    const found = await documents.published(slug, number);
    if (!found) throw new AppError('not_found');
    return found;
  }

  async function showPage(request: FastifyRequest, reply: FastifyReply, found: PublishedDocument) {
    // Rendered once for each kept copy of the version: the same for every reader.
    return sendKeptPage(request, reply, {
      source: found,
      variant: 'page',
      template: 'public-policy/policy.njk',
      model: () => pageModel(found),
      cacheControl: found.version.status === 'published' ? caching.current : caching.superseded,
    });
  }

  async function sendPdf(request: FastifyRequest, reply: FastifyReply, found: PublishedDocument) {
    const tag = entityTag(found, 'pdf');
    if (notModified(request, reply, found, tag)) return reply;
    const pdf = await documents.pdf(found);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${documents.fileName(found)}"`)
      .send(pdf);
  }

  // The school's own address in Footprint, which its website can link to: where to read the policy
  // and where to ask it a question.
  app.get<{ Params: SchoolParams }>('/s/:school', { config: { access: 'anyone' } }, async (request, reply) => {
    const slug = request.params.school;
    const school = slugPattern.test(slug) ? await documents.school(slug) : undefined;
    if (!school) throw new AppError('not_found');
    const published = await documents.published(slug);
    return sendKeptPage(request, reply, {
      source: school,
      variant: published ? `published-${published.version.number}` : 'not-published',
      template: 'public-policy/school.njk',
      cacheControl: notYetPublishedCaching,
      model: () => ({
        pageTitle: school.name,
        school: { name: school.name, email: school.contactEmail },
        published: published && { label: published.version.label, href: policyPaths.current(slug) },
        checkHref: `/s/${encodeURIComponent(slug)}/check`,
        reportHref: `/s/${encodeURIComponent(slug)}/report`,
      }),
    });
  });

  app.get<{ Params: SchoolParams }>('/s/:school/policy', { config: { access: 'anyone' } }, async (request, reply) => {
    const slug = request.params.school;
    const found = slugPattern.test(slug) ? await documents.published(slug) : undefined;
    if (found) return showPage(request, reply, found);
    const school = slugPattern.test(slug) ? await documents.school(slug) : undefined;
    if (!school) throw new AppError('not_found');
    reply.header('cache-control', notYetPublishedCaching);
    return sendPage(
      reply,
      'public-policy/not-published.njk',
      { pageTitle: `${school.name} has not published its policy yet`, school: { name: school.name } },
      404,
    );
  });

  app.get<{ Params: SchoolParams }>('/s/:school/policy.pdf', { config: { access: 'anyone' } }, async (request, reply) =>
    sendPdf(request, reply, await find(request.params.school)),
  );

  app.get<{ Params: VersionParams }>(
    '/s/:school/policy/v/:number',
    { config: { access: 'anyone' } },
    async (request, reply) =>
      showPage(request, reply, await find(request.params.school, versionNumber(request.params.number))),
  );

  app.get<{ Params: VersionParams }>(
    '/s/:school/policy/v/:number.pdf',
    { config: { access: 'anyone' } },
    async (request, reply) =>
      sendPdf(request, reply, await find(request.params.school, versionNumber(request.params.number))),
  );
};
