// RSS 2.0, RSS 1.0 and Atom feeds: Google Alerts, news searches, a local paper's site.
// The XML is parsed with only its five predefined entities and numeric character references
// decoded: an entity a feed declares for itself is never expanded, and one that points outside
// the feed (XXE) makes the parser refuse the feed, so no file or address is ever read for it.
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';
import type { FeedRead, FeedReadOptions, FetchedPost } from '../../services/ports.ts';
import { getText, siteOf, type HttpSettings } from './http.ts';
import { htmlToText, plainText, safeUrl } from './text.ts';

const accept =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8';

const repeated = new Set(['item', 'entry', 'link', 'enclosure', 'media:content', 'media:thumbnail', 'author']);

export async function readRss(
  url: string,
  options: FeedReadOptions,
  settings: HttpSettings,
  signal: AbortSignal,
): Promise<FeedRead> {
  const fetched = await getText({ url, accept, signal, now: options.now }, settings);
  if (!fetched.ok) return fetched;
  const posts = parseFeed(fetched.body, url, options.now);
  if (posts === undefined) {
    return { ok: false, problem: 'malformed', detail: `${siteOf(url) ?? url} did not send a feed Footprint can read.` };
  }
  return { ok: true, posts };
}

/** The posts of an RSS or Atom document; undefined when it is not one. */
export function parseFeed(xml: string, feedUrl: string, now: Date): FetchedPost[] | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  let document: unknown;
  try {
    document = newParser().parse(xml);
  } catch {
    return undefined;
  }
  if (!isRecord(document)) return undefined;

  const rss = record(document.rss);
  const rdf = record(document['rdf:RDF']);
  const atom = record(document.feed);
  if (rss) {
    const channel = record(rss.channel);
    if (!channel) return undefined;
    const base = safeUrl(text(first(channel.link)), feedUrl) ?? feedUrl;
    return list(channel.item).flatMap((item) => rssItem(item, base, now));
  }
  if (rdf) {
    const base = safeUrl(text(first(record(rdf.channel)?.link)), feedUrl) ?? feedUrl;
    return list(rdf.item).flatMap((item) => rssItem(item, base, now));
  }
  if (atom) {
    const base = atomLink(atom.link, feedUrl) ?? feedUrl;
    return list(atom.entry).flatMap((entry) => atomEntry(entry, base, now));
  }
  return undefined;
}

function rssItem(item: unknown, base: string, now: Date): FetchedPost[] {
  if (!isRecord(item)) return [];
  const title = htmlToText(text(item.title));
  const body = htmlToText(text(item['content:encoded']) || text(item.description));
  const link = safeUrl(text(first(item.link)), base);
  const guid = text(item.guid);
  const published = text(item.pubDate) || text(item['dc:date']);
  const author = plainText(text(item['dc:creator']) || text(first(item.author)));
  const hasImage =
    body.hasImage ||
    list(item.enclosure).some((e) => attribute(e, 'type').startsWith('image/')) ||
    list(item['media:content']).some(
      (m) => attribute(m, 'medium') === 'image' || attribute(m, 'type').startsWith('image/'),
    ) ||
    list(item['media:thumbnail']).length > 0;
  return post({
    id: guid !== '' ? guid : (link ?? fingerprint(title.text, published)),
    url: link ?? (guid.startsWith('http') ? safeUrl(guid) : undefined) ?? base,
    author,
    text: joinText(title.text, body.text),
    published,
    hasImage,
    now,
  });
}

function atomEntry(entry: unknown, base: string, now: Date): FetchedPost[] {
  if (!isRecord(entry)) return [];
  const title = atomText(entry.title);
  const body = atomText(entry.content ?? entry.summary);
  const link = atomLink(entry.link, base);
  const published = text(entry.published) || text(entry.updated);
  const author = plainText(
    list(entry.author)
      .map((a) => text(record(a)?.name))
      .find(Boolean) ?? '',
  );
  return post({
    id: text(entry.id) !== '' ? text(entry.id) : (link ?? fingerprint(title.text, published)),
    url: link ?? base,
    author,
    text: joinText(title.text, body.text),
    published,
    hasImage: body.hasImage,
    now,
  });
}

function post(found: {
  id: string;
  url: string;
  author: string;
  text: string;
  published: string;
  hasImage: boolean;
  now: Date;
}): FetchedPost[] {
  if (!found.text && !found.id) return [];
  const at = Date.parse(found.published);
  return [
    {
      externalId: found.id,
      url: found.url,
      ...(found.author ? { author: found.author } : {}),
      text: found.text,
      publishedAt: Number.isNaN(at) ? found.now : new Date(at),
      hasImage: found.hasImage,
      public: true,
    },
  ];
}

/** Atom text constructs: type="text" is plain, "html" is escaped HTML, "xhtml" is inline markup. */
function atomText(node: unknown): { text: string; hasImage: boolean } {
  const type = attribute(node, 'type');
  if (type === 'xhtml') return { text: plainText(allText(node).join(' ')), hasImage: hasElement(node, 'img') };
  if (type === 'html' || type === 'text/html') return htmlToText(text(node));
  return { text: plainText(text(node)), hasImage: false };
}

/** The entry's own page: rel="alternate" or no rel, else the first link. */
function atomLink(links: unknown, base: string): string | undefined {
  const all = list(links);
  const alternate = all.find((l) => ['', 'alternate'].includes(attribute(l, 'rel'))) ?? all[0];
  return safeUrl(attribute(alternate, 'href') || text(alternate), base);
}

function joinText(title: string, body: string): string {
  if (!body || body === title || body.startsWith(title)) return body || title;
  return title ? `${title}\n\n${body}` : body;
}

function fingerprint(...parts: string[]): string {
  return `sha256:${createHash('sha256').update(parts.join('\u0000')).digest('hex')}`;
}

function newParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    entityDecoder: predefinedEntitiesOnly(),
    isArray: (name) => repeated.has(name),
  });
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes &amp; &lt; &gt; &quot; &apos; and &#…; only; entities the document declares are ignored. */
function predefinedEntitiesOnly(): EntityDecoderOptions {
  return {
    setExternalEntities: () => undefined,
    addInputEntities: () => undefined,
    reset: () => undefined,
    setXmlVersion: () => undefined,
    decode: (value) =>
      value.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/gi, (whole, hex, decimal, name) => {
        if (typeof name === 'string') return predefined[name] ?? whole;
        const code = typeof hex === 'string' ? parseInt(hex, 16) : Number(decimal);
        const allowed = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
        return allowed ? String.fromCodePoint(code) : '\ufffd';
      }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as unknown[]) : [value];
}

function first(value: unknown): unknown {
  return list(value)[0];
}

/** An element's text, whether the parser gave a string or an object with attributes. */
function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isRecord(node)) return text(node['#text']);
  return '';
}

function attribute(node: unknown, name: string): string {
  const value = record(node)?.[`@_${name}`];
  return typeof value === 'string' ? value.trim() : '';
}

function allText(node: unknown): string[] {
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(allText);
  if (!isRecord(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => (key.startsWith('@_') ? [] : allText(value)));
}

function hasElement(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((child) => hasElement(child, name));
  if (!isRecord(node)) return false;
  return Object.entries(node).some(
    ([key, value]) => key === name || (!key.startsWith('@_') && hasElement(value, name)),
  );
}
