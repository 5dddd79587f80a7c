import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedReader } from '../../../src/adapters/feeds/index.ts';
import type { FeedRead } from '../../../src/services/ports.ts';
import { recorded, startRecordedServer, type RecordedServer } from './recorded-server.ts';

const now = new Date('2026-03-02T10:30:00Z');
const options = { timeoutMs: 2000, now };

function success(read: FeedRead) {
  if (!read.ok) throw new Error(`expected posts, got ${read.problem}: ${read.detail}`);
  return read;
}

describe("Reading Bluesky's public search", () => {
  let server: RecordedServer;
  const reader = createFeedReader();

  beforeAll(async () => {
    server = await startRecordedServer();
    server.answer('/xrpc/app.bsky.feed.searchPosts', (url) => ({
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: recorded(
        url.searchParams.get('cursor') === '25' ? 'bluesky-search-page2.json' : 'bluesky-search-page1.json',
      ),
    }));
  });
  afterAll(() => server.close());

  it('reads every page of a search, leaving out authors who keep their posts from people signed out', async () => {
    const read = success(
      await reader.read(
        { kind: 'bluesky_search', query: '"Oakfield Primary"', service: server.origin },
        undefined,
        options,
      ),
    );

    expect(read.posts).toEqual([
      {
        externalId: 'at://did:plc:4l3wq7vzjd5n5m2x6k7h4r2a/app.bsky.feed.post/3lj7xk2m4vs2c',
        url: 'https://bsky.app/profile/oakvalegazette.bsky.social/post/3lj7xk2m4vs2c',
        author: '@oakvalegazette.bsky.social',
        text: 'Oakfield Primary pupils hand over £2,000 to Oakvale Food Bank <b>not markup</b> 🎉',
        publishedAt: new Date('2026-03-02T09:58:20.114Z'),
        hasImage: true,
        public: true,
      },
      {
        externalId: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lj7wq5ab2k2x',
        url: 'https://bsky.app/profile/did%3Aplc%3Az72i7hdynmk6r22z27h6tvur/post/3lj7wq5ab2k2x',
        author: '@did:plc:z72i7hdynmk6r22z27h6tvur',
        text: 'Anyone else stuck in traffic outside Oakfield Primary again?',
        publishedAt: new Date('2026-03-02T09:10:00Z'),
        hasImage: false,
        public: true,
      },
      {
        externalId: 'at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3lj7v2nq7ws2y',
        url: 'https://bsky.app/profile/oakvale-dad.bsky.social/post/3lj7v2nq7ws2y',
        author: '@oakvale-dad.bsky.social',
        text: 'Great sports day at Oakfield Primary, photos attached',
        publishedAt: new Date('2026-03-01T18:45:00Z'),
        hasImage: true,
        public: true,
      },
    ]);
    expect(read.cursor).toBe('2026-03-02T09:58:20.114Z');
    const [first, second] = server.received.slice(-2).map((r) => r.url);
    expect(first?.searchParams.get('q')).toBe('"Oakfield Primary"');
    expect(first?.searchParams.get('sort')).toBe('latest');
    expect(first?.searchParams.has('cursor')).toBe(false);
    expect(second?.searchParams.get('cursor')).toBe('25');
  });

  it('asks only for posts since the cursor, with a margin for posts indexed late', async () => {
    const before = server.received.length;

    await reader.read(
      { kind: 'bluesky_search', query: 'Oakfield', service: server.origin },
      '2026-03-02T09:58:20.114Z',
      options,
    );

    expect(server.received[before]?.url.searchParams.get('since')).toBe('2026-03-02T09:43:20.114Z');
  });
});
