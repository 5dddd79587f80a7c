// Bluesky's public search (app.bsky.feed.searchPosts), over plain HTTP without signing in.
// Bluesky's own `cursor` pages back to older results; the cursor Footprint keeps is instead the
// newest post time seen, sent as `since` (less a margin for posts indexed late) on the next poll,
// and the API's cursor is followed for a few pages within one read.
import { z } from 'zod';
import type { FeedRead, FeedReadOptions, FetchedPost } from '../../services/ports.ts';
import { getText, siteOf, type HttpSettings } from './http.ts';
import { plainText, safeUrl } from './text.ts';

export const defaultBlueskyService = 'https://public.api.bsky.app';
const pageSize = 50;
const maxPages = 4;
/** Posts can be indexed a while after they are written; ask again for this much before the cursor. */
const overlapMs = 15 * 60 * 1000;
/** Authors who asked not to be shown to people who are not signed in to Bluesky. */
const noUnauthenticated = '!no-unauthenticated';

const label = z.object({ val: z.string() });
const postView = z.object({
  uri: z.string(),
  author: z.object({ did: z.string(), handle: z.string(), labels: z.array(label).nullish() }),
  record: z.object({ text: z.string(), createdAt: z.string().nullish() }),
  embed: z.unknown().optional(),
  indexedAt: z.string(),
});
type PostView = z.infer<typeof postView>;

const page = z.object({ posts: z.array(z.unknown()), cursor: z.string().nullish() });

export async function readBluesky(
  search: { query: string; service?: string },
  cursor: string | undefined,
  options: FeedReadOptions,
  settings: HttpSettings,
  signal: AbortSignal,
): Promise<FeedRead> {
  const service = search.service ?? defaultBlueskyService;
  const site = siteOf(service) ?? service;
  const since = cursor === undefined ? undefined : Date.parse(cursor);

  const posts: FetchedPost[] = [];
  let newest = since;
  let pageCursor: string | undefined;
  for (let n = 0; n < maxPages; n += 1) {
    const query = new URLSearchParams({ q: search.query, sort: 'latest', limit: String(pageSize) });
    if (since !== undefined && !Number.isNaN(since)) query.set('since', new Date(since - overlapMs).toISOString());
    if (pageCursor) query.set('cursor', pageCursor);
    const url = new URL(`/xrpc/app.bsky.feed.searchPosts?${query.toString()}`, service).href;
    const fetched = await getText({ url, accept: 'application/json', signal, now: options.now }, settings);
    // A later page failing loses nothing: the cursor has not moved, and the next poll asks again.
    if (!fetched.ok) return fetched;
    const result = parseJson(fetched.body);
    if (result === undefined) {
      return { ok: false, problem: 'malformed', detail: `${site} did not answer as Bluesky's search does.` };
    }
    for (const item of result.posts) {
      const view = postView.safeParse(item).data;
      if (view === undefined) continue;
      const at = sortAt(view);
      if (at !== undefined && (newest === undefined || at > newest)) newest = at;
      if (!shownToEveryone(view)) continue;
      const found = toPost(view, at, options.now);
      if (found) posts.push(found);
    }
    pageCursor = result.cursor ?? undefined;
    if (!pageCursor || result.posts.length === 0) break;
  }
  return {
    ok: true,
    posts,
    ...(newest === undefined || Number.isNaN(newest) ? {} : { cursor: new Date(newest).toISOString() }),
  };
}

function toPost(view: PostView, at: number | undefined, now: Date): FetchedPost | undefined {
  const rkey = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9._:~-]+)$/.exec(view.uri)?.[2];
  if (!rkey) return undefined;
  const profile = view.author.handle && view.author.handle !== 'handle.invalid' ? view.author.handle : view.author.did;
  const url = safeUrl(`https://bsky.app/profile/${encodeURIComponent(profile)}/post/${encodeURIComponent(rkey)}`);
  if (!url) return undefined;
  return {
    externalId: view.uri,
    url,
    author: `@${profile}`,
    text: plainText(view.record.text),
    publishedAt: at === undefined ? now : new Date(at),
    hasImage: showsPicture(view.embed),
    public: true,
  };
}

function shownToEveryone(view: PostView): boolean {
  return !(view.author.labels ?? []).some((l) => l.val === noUnauthenticated);
}

/** Bluesky sorts by the earlier of when a post says it was written and when it was indexed. */
function sortAt(view: PostView): number | undefined {
  const times = [view.record.createdAt, view.indexedAt]
    .map((t) => (t ? Date.parse(t) : NaN))
    .filter((t) => !Number.isNaN(t));
  return times.length > 0 ? Math.min(...times) : undefined;
}

const embed = z.object({
  $type: z.string(),
  images: z.array(z.unknown()).optional(),
  media: z.object({ $type: z.string(), images: z.array(z.unknown()).optional() }).optional(),
});

function showsPicture(value: unknown): boolean {
  const found = embed.safeParse(value).data;
  if (!found) return false;
  const media = found.$type.startsWith('app.bsky.embed.recordWithMedia') ? found.media : found;
  if (!media) return false;
  if (media.$type.startsWith('app.bsky.embed.images')) return (media.images ?? []).length > 0;
  return media.$type.startsWith('app.bsky.embed.video');
}

function parseJson(body: string): z.infer<typeof page> | undefined {
  try {
    return page.safeParse(JSON.parse(body)).data;
  } catch {
    return undefined;
  }
}
