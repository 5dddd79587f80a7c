// What a post says, as plain text, and where it is, as a safe address. Posts arrive as HTML written
// by strangers: it is parsed (never matched with patterns) and only its text is kept, so nothing
// of it can become markup again; whatever shows it later escapes it like any other text.
import { Parser } from 'htmlparser2';

const maxTextLength = 5000;

/** Elements whose content is not text a reader sees. */
const hidden = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'object', 'svg', 'math']);
/** Elements that start a new line. */
const blocks = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
]);

export interface PlainText {
  text: string;
  /** Whether the HTML showed a picture. */
  hasImage: boolean;
}

/** The text a reader of this HTML would see, entities decoded, whitespace tidied. */
export function htmlToText(html: string): PlainText {
  const parts: string[] = [];
  let hiddenDepth = 0;
  let hasImage = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (hidden.has(name)) hiddenDepth += 1;
        if (name === 'img') hasImage = true;
        if (blocks.has(name) || name === 'br') parts.push('\n');
      },
      onclosetag(name) {
        if (hidden.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (blocks.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (hiddenDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return { text: tidy(parts.join('')), hasImage };
}

/** Text that is already plain: only tidied. */
export function plainText(text: string): string {
  return tidy(text);
}

/** Control and direction-changing characters out, spaces collapsed, at most a few blank lines. */
function tidy(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim());
  const joined = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return joined.length > maxTextLength ? `${[...joined].slice(0, maxTextLength - 1).join('')}…` : joined;
}

/**
 * The address as an absolute http(s) URL, resolved against `base`; undefined for anything else
 * (javascript:, data:, mailto:…). Google's redirect links (google.com/url?q=… or ?url=…) become
 * the address they lead to.
 */
export function safeUrl(address: string | undefined, base?: string): string | undefined {
  if (!address) return undefined;
  let url: URL;
  try {
    url = new URL(address.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (isGoogleRedirect(url)) {
    const target = url.searchParams.get('url') ?? url.searchParams.get('q');
    return safeUrl(target ?? undefined) ?? url.href;
  }
  return url.href;
}

function isGoogleRedirect(url: URL): boolean {
  return /^(?:www\.)?google\.[a-z.]+$/.test(url.hostname) && url.pathname === '/url';
}
