// One GET for a feed connector: a deadline, a size limit, a User-Agent that says who is asking,
// and every way it can go wrong turned into a FeedRead failure instead of an exception.
import type { FeedRead } from '../../services/ports.ts';

export type FeedFailure = Extract<FeedRead, { ok: false }>;

export interface HttpSettings {
  userAgent: string;
  /** Bodies larger than this are not read to the end: the read fails as malformed. */
  maxBytes: number;
  /** The fetch to use; the global one unless a test needs another. */
  fetch?: typeof fetch;
}

export interface Get {
  url: string;
  accept: string;
  /** The read's deadline, shared by all its requests. */
  signal: AbortSignal;
  now: Date;
}

export type Fetched = { ok: true; body: string; contentType: string } | FeedFailure;

export const defaultUserAgent = 'Footprint/0.1 (a school watching public mentions of itself; polls politely)';
export const defaultMaxBytes = 2 * 1024 * 1024;

export async function getText(request: Get, settings: HttpSettings): Promise<Fetched> {
  const site = siteOf(request.url);
  if (site === undefined) {
    return { ok: false, problem: 'unreachable', detail: `"${request.url}" is not a web address Footprint can read.` };
  }
  let response: Response;
  try {
    response = await (settings.fetch ?? fetch)(request.url, {
      headers: { accept: request.accept, 'user-agent': settings.userAgent },
      redirect: 'follow',
      signal: request.signal,
    });
  } catch (error) {
    return thrown(error, request.signal, site);
  }

  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return refused(response, request.now, site);
  }

  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > settings.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return tooLarge(site, settings.maxBytes);
  }

  try {
    const bytes = await readAtMost(response, settings.maxBytes);
    if (bytes === undefined) return tooLarge(site, settings.maxBytes);
    const contentType = response.headers.get('content-type') ?? '';
    return { ok: true, body: decode(bytes, contentType), contentType };
  } catch (error) {
    return thrown(error, request.signal, site);
  }
}

/** The host a failure message names; undefined for anything but an http(s) address. */
export function siteOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Seconds to wait, from Retry-After (seconds or an HTTP date) or, failing that, RateLimit-Reset
 * (the Unix time Bluesky gives); undefined when neither says.
 */
export function secondsToWait(headers: Headers, now: Date): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) {
    const value = Number(reset);
    // Either a Unix time or, in the IETF draft, seconds from now.
    return value > 1_000_000_000 ? Math.max(0, Math.ceil(value - now.getTime() / 1000)) : value;
  }
  return undefined;
}

function refused(response: Response, now: Date, site: string): FeedFailure {
  const wait = secondsToWait(response.headers, now);
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status === 429 || (response.status === 503 && wait !== undefined)) {
    const asked = wait === undefined ? '' : ` to wait ${wait} seconds`;
    return {
      ok: false,
      problem: 'rate_limited',
      ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
      detail: `${site} asked us${asked || ' to slow down'} (${status}).`,
    };
  }
  return { ok: false, problem: 'http_error', detail: `${site} answered ${status}.` };
}

function thrown(error: unknown, signal: AbortSignal, site: string): FeedFailure {
  if (signal.aborted) {
    return { ok: false, problem: 'timeout', detail: `${site} did not answer in time.` };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? ` (${cause.code})` : '';
  return { ok: false, problem: 'unreachable', detail: `Footprint could not reach ${site}${code}.` };
}

function tooLarge(site: string, maxBytes: number): FeedFailure {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return {
    ok: false,
    problem: 'malformed',
    detail: `${site} sent more than ${megabytes} MB, more than any feed needs.`,
  };
}

/** The body's bytes, or undefined as soon as there are more than `maxBytes`. */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Text in the charset the response names, or its XML declaration names, or else UTF-8. */
function decode(bytes: Uint8Array, contentType: string): string {
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(
      new TextDecoder('latin1').decode(bytes.subarray(0, 200)),
    )?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
