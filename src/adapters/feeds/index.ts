// Reads each kind of source the school watches. Every read has one deadline for all its requests
// and never throws: whatever goes wrong comes back as a FeedRead failure, with no cursor, so the
// caller keeps the cursor it had and loses nothing.
import type { FeedRead, FeedReader, FeedReadOptions, FeedSource } from '../../services/ports.ts';
import { readBluesky } from './bluesky.ts';
import { defaultMaxBytes, defaultUserAgent, type HttpSettings } from './http.ts';
import { readMastodon } from './mastodon.ts';
import { readRss } from './rss.ts';

export { defaultBlueskyService } from './bluesky.ts';

export function createFeedReader(settings: Partial<HttpSettings> = {}): FeedReader {
  const http: HttpSettings = {
    userAgent: settings.userAgent ?? defaultUserAgent,
    maxBytes: settings.maxBytes ?? defaultMaxBytes,
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
  };
  return {
    async read(source: FeedSource, cursor: string | undefined, options: FeedReadOptions): Promise<FeedRead> {
      const signal = AbortSignal.timeout(options.timeoutMs);
      try {
        switch (source.kind) {
          case 'rss':
            return await readRss(source.url, options, http, signal);
          case 'mastodon_tag':
            return await readMastodon({ instance: source.instance, tag: source.tag }, cursor, options, http, signal);
          case 'mastodon_account':
            return await readMastodon(
              { instance: source.instance, account: source.account, includeReplies: source.includeReplies ?? false },
              cursor,
              options,
              http,
              signal,
            );
          case 'bluesky_search':
            return await readBluesky(source, cursor, options, http, signal);
        }
      } catch (error) {
        // Unreachable by design; if a parser ever throws, the source is reported, not the process.
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, problem: 'malformed', detail: `The source could not be read: ${detail}` };
      }
    },
  };
}
