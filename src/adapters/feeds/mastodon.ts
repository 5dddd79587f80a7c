// Mastodon's standard public API, without signing in: a hashtag's timeline, or one account's posts.
// Only statuses with visibility "public" are kept; unlisted, private and direct ones are dropped.
// The cursor is the newest status id seen, sent back as min_id: the server then gives the statuses
// immediately after it, oldest page first, so a burst of more than one page is caught up over the
// next polls instead of skipped (since_id would give only the newest page and lose the rest).
import { z } from 'zod';
import type { FeedRead, FeedReadOptions, FetchedPost } from '../../services/ports.ts';
import { getText, type HttpSettings } from './http.ts';
import { htmlToText, plainText, safeUrl } from './text.ts';

const pageSize = 40;

const status = z.object({
  id: z.string().min(1),
  uri: z.string().min(1),
  url: z.string().nullish(),
  created_at: z.string(),
  visibility: z.string(),
  spoiler_text: z.string().nullish(),
  content: z.string(),
  account: z.object({ acct: z.string(), display_name: z.string().nullish() }),
  media_attachments: z.array(z.object({ type: z.string() })).nullish(),
});
type Status = z.infer<typeof status>;

const account = z.object({ id: z.string().min(1) });

export interface MastodonTimeline {
  instance: string;
  /** A hashtag, with or without its #. */
  tag?: string;
  /** user or user@server, with or without a leading @. */
  account?: string;
  includeReplies?: boolean;
}

export async function readMastodon(
  timeline: MastodonTimeline,
  cursor: string | undefined,
  options: FeedReadOptions,
  settings: HttpSettings,
  signal: AbortSignal,
): Promise<FeedRead> {
  const base = instanceUrl(timeline.instance);
  if (base === undefined) {
    return { ok: false, problem: 'unreachable', detail: `"${timeline.instance}" is not a Mastodon server address.` };
  }
  const get = (path: string) =>
    getText({ url: new URL(path, base).href, accept: 'application/json', signal, now: options.now }, settings);
  const host = new URL(base).host;

  let path: string;
  if (timeline.tag !== undefined) {
    path = `/api/v1/timelines/tag/${encodeURIComponent(timeline.tag.replace(/^#/, ''))}`;
  } else {
    const acct = (timeline.account ?? '').replace(/^@/, '');
    const found = await get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
    if (!found.ok) return found;
    const id = parseJson(found.body, account);
    if (id === undefined) return malformed(host);
    path = `/api/v1/accounts/${encodeURIComponent(id.id)}/statuses`;
  }

  const query = new URLSearchParams({ limit: String(pageSize) });
  if (timeline.account !== undefined) {
    query.set('exclude_replies', String(!timeline.includeReplies));
    query.set('exclude_reblogs', 'true');
  }
  if (cursor) query.set('min_id', cursor);
  const fetched = await get(`${path}?${query.toString()}`);
  if (!fetched.ok) return fetched;

  const items = parseJson(fetched.body, z.array(z.unknown()));
  if (items === undefined) return malformed(host);
  // The cursor passes every status the server sent, kept or not, so none is asked for twice.
  const ids = items
    .map((item) => z.object({ id: z.string() }).safeParse(item).data?.id)
    .filter((id) => id !== undefined);
  const statuses = items.map((item) => status.safeParse(item).data).filter((s) => s !== undefined);
  const posts = statuses.filter((s) => s.visibility === 'public').map((s) => toPost(s, host, options.now));
  const newest = [cursor, ...ids].reduce<string | undefined>(
    (a, b) => (b !== undefined && (a === undefined || newer(b, a)) ? b : a),
    undefined,
  );
  return { ok: true, posts, ...(newest === undefined ? {} : { cursor: newest }) };
}

function toPost(s: Status, host: string, now: Date): FetchedPost {
  const content = htmlToText(s.content);
  const warning = plainText(s.spoiler_text ?? '');
  const at = Date.parse(s.created_at);
  const acct = s.account.acct.includes('@') ? s.account.acct : `${s.account.acct}@${host}`;
  return {
    externalId: s.uri,
    url: safeUrl(s.url ?? undefined) ?? safeUrl(s.uri) ?? `https://${host}/`,
    author: `@${acct}`,
    text: warning ? `${warning}\n\n${content.text}` : content.text,
    publishedAt: Number.isNaN(at) ? now : new Date(at),
    hasImage: (s.media_attachments ?? []).some((m) => ['image', 'gifv', 'video'].includes(m.type)),
    public: true,
  };
}

/** Mastodon ids are numbers as text (or, on some servers, fixed-width sortable text). */
function newer(a: string, b: string): boolean {
  return a.length === b.length ? a > b : a.length > b.length;
}

function instanceUrl(instance: string): string | undefined {
  const trimmed = instance.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return safeUrl(`${withScheme}/`);
}

function parseJson<T>(body: string, schema: z.ZodType<T>): T | undefined {
  try {
    return schema.safeParse(JSON.parse(body)).data;
  } catch {
    return undefined;
  }
}

function malformed(host: string): FeedRead {
  return { ok: false, problem: 'malformed', detail: `${host} did not answer as a Mastodon server does.` };
}
