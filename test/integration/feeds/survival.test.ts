// Each connector survives a malformed body, a timeout, an HTTP 429 with Retry-After and a repeated
// item, without losing or duplicating a mention: failed reads never move the cursor, and a post
// delivered twice is stored once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedReader } from '../../../src/adapters/feeds/index.ts';
import type { FeedSource } from '../../../src/services/ports.ts';
import { recorded, startRecordedServer, watch, type RecordedServer, type Reply } from './recorded-server.ts';

const now = new Date('2026-03-02T12:00:00Z');
const timeoutMs = 400;

interface Connector {
  name: string;
  source: (origin: string) => FeedSource;
  /** The path the posts come from. */
  path: string;
  /** Recorded responses: the path of each, and its body. */
  recorded: Record<string, string>;
  /** The body cut off part-way. */
  truncated: (body: string) => string;
  /** The body with its first item repeated. */
  repeated: (body: string) => string;
  /** How many public posts the recorded response has. */
  count: number;
  /** Whether the connector sends its cursor back to the server. */
  cursorParameter?: string;
}

const repeatJson = (body: string) => {
  const parsed = JSON.parse(body) as unknown;
  if (Array.isArray(parsed)) return JSON.stringify([parsed[0], ...parsed]);
  const page = parsed as { posts: unknown[] };
  return JSON.stringify({ posts: [page.posts[0], ...page.posts] });
};
const repeatXml = (tag: string) => (body: string) => {
  const start = body.indexOf(`<${tag}>`);
  const end = body.indexOf(`</${tag}>`) + tag.length + 3;
  return body.slice(0, start) + body.slice(start, end) + body.slice(start);
};
const halve = (body: string) => body.slice(0, Math.floor(body.length / 2));

const connectors: Connector[] = [
  {
    name: 'RSS 2.0',
    source: (origin) => ({ kind: 'rss', url: `${origin}/feed.rss` }),
    path: '/feed.rss',
    recorded: { '/feed.rss': recorded('news-search.rss.xml') },
    truncated: halve,
    repeated: repeatXml('item'),
    count: 3,
  },
  {
    name: 'Atom (Google Alerts)',
    source: (origin) => ({ kind: 'rss', url: `${origin}/alerts.atom` }),
    path: '/alerts.atom',
    recorded: { '/alerts.atom': recorded('google-alerts.atom.xml') },
    truncated: halve,
    repeated: repeatXml('entry'),
    count: 3,
  },
  {
    name: 'Mastodon hashtag',
    source: (origin) => ({ kind: 'mastodon_tag', instance: origin, tag: 'OakfieldPrimary' }),
    path: '/api/v1/timelines/tag/OakfieldPrimary',
    recorded: { '/api/v1/timelines/tag/OakfieldPrimary': recorded('mastodon-tag-timeline.json') },
    truncated: halve,
    repeated: repeatJson,
    count: 2,
    cursorParameter: 'min_id',
  },
  {
    name: 'Mastodon account',
    source: (origin) => ({ kind: 'mastodon_account', instance: origin, account: 'OakfieldPrimary' }),
    path: '/api/v1/accounts/109555000000000001/statuses',
    recorded: {
      '/api/v1/accounts/lookup': recorded('mastodon-account-lookup.json'),
      '/api/v1/accounts/109555000000000001/statuses': recorded('mastodon-account-statuses.json'),
    },
    truncated: halve,
    repeated: repeatJson,
    count: 1,
    cursorParameter: 'min_id',
  },
  {
    name: 'Bluesky search',
    source: (origin) => ({ kind: 'bluesky_search', query: 'Oakfield Primary', service: origin }),
    path: '/xrpc/app.bsky.feed.searchPosts',
    recorded: { '/xrpc/app.bsky.feed.searchPosts': recorded('bluesky-search-page2.json') },
    truncated: halve,
    repeated: repeatJson,
    count: 1,
    cursorParameter: 'since',
  },
];

describe.each(connectors)('The $name connector', (connector) => {
  let server: RecordedServer;
  const reader = createFeedReader();
  const options = { timeoutMs, now };
  const body = connector.recorded[connector.path] ?? '';

  const serveRecorded = () => {
    for (const [path, recordedBody] of Object.entries(connector.recorded)) server.answer(path, { body: recordedBody });
  };
  const serve = (reply: Reply) => server.answer(connector.path, reply);

  beforeAll(async () => {
    server = await startRecordedServer();
  });
  afterAll(() => server.close());

  it('reads its recorded response', async () => {
    serveRecorded();
    const watched = watch(reader, connector.source(server.origin), options);

    expect(await watched.poll()).toMatchObject({ ok: true });
    expect(watched.stored).toHaveLength(connector.count);
    for (const post of watched.stored) {
      expect(post.public).toBe(true);
      expect(post.url).toMatch(/^https?:\/\//);
      expect(post.text).not.toMatch(/<\/?[a-z]+[\s>]/i);
    }
  });

  it('survives a malformed body: nothing is lost, the cursor stays', async () => {
    serveRecorded();
    const watched = watch(reader, connector.source(server.origin), options);
    await watched.poll();
    const cursorBefore = watched.health.cursor;
    watched.stored.splice(0);

    serve({ body: connector.truncated(body) });
    const failed = await watched.poll();
    expect(failed).toMatchObject({ ok: false, problem: 'malformed' });
    expect(failed).not.toHaveProperty('cursor');
    expect(watched.health).toMatchObject({ consecutiveFailures: 1, lastProblem: 'malformed' });
    expect(watched.health.cursor).toBe(cursorBefore);

    serve({ body: 'not json, not xml {' });
    expect(await watched.poll()).toMatchObject({ ok: false, problem: 'malformed' });
    expect(watched.health.cursor).toBe(cursorBefore);

    // Once the source mends, the next read starts from the cursor it had before the failures.
    serveRecorded();
    expect(await watched.poll()).toMatchObject({ ok: true });
    expect(watched.health.consecutiveFailures).toBe(0);
    expect(watched.stored).toHaveLength(connector.count);
    if (connector.cursorParameter && cursorBefore !== undefined) {
      expect(server.received.at(-1)?.url.searchParams.has(connector.cursorParameter)).toBe(true);
    }
  });

  it('gives up on a server that never answers, within the time allowed', async () => {
    serve({ hang: true });
    const started = Date.now();

    const read = await reader.read(connector.source(server.origin), undefined, options);

    expect(read).toMatchObject({ ok: false, problem: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(Date.now() - started).toBeLessThan(timeoutMs + 1500);
  });

  it('gives up on a body that stops part-way, within the time allowed', async () => {
    serve({ stallAfter: halve(body) });

    const read = await reader.read(connector.source(server.origin), undefined, options);

    expect(read).toMatchObject({ ok: false, problem: 'timeout' });
  });

  it('waits as a 429 asks, in seconds or as a date', async () => {
    serve({ status: 429, headers: { 'retry-after': '120' }, body: 'Too Many Requests' });
    expect(await reader.read(connector.source(server.origin), 'x', options)).toMatchObject({
      ok: false,
      problem: 'rate_limited',
      retryAfterSeconds: 120,
    });

    const inFiveMinutes = new Date(now.getTime() + 5 * 60 * 1000).toUTCString();
    serve({ status: 429, headers: { 'retry-after': inFiveMinutes }, body: '' });
    expect(await reader.read(connector.source(server.origin), 'x', options)).toMatchObject({
      ok: false,
      problem: 'rate_limited',
      retryAfterSeconds: 300,
    });

    serve({ status: 503, headers: { 'retry-after': '30' } });
    expect(await reader.read(connector.source(server.origin), 'x', options)).toMatchObject({
      problem: 'rate_limited',
      retryAfterSeconds: 30,
    });
  });

  it('waits at least as long as the site asked before polling again, keeping its cursor', async () => {
    serveRecorded();
    const watched = watch(reader, connector.source(server.origin), options);
    await watched.poll();
    const cursorBefore = watched.health.cursor;

    serve({ status: 429, headers: { 'retry-after': '7200' } });
    await watched.poll();

    expect(watched.health.nextPollAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 7200 * 1000);
    expect(watched.health.cursor).toBe(cursorBefore);
  });

  it('stores a repeated item once, within one response and across polls', async () => {
    serve({ body: connector.repeated(body) });
    if (connector.name === 'Mastodon account') serveLookup(server, connector);
    const watched = watch(reader, connector.source(server.origin), options);

    const first = await watched.poll();
    expect(first.ok && first.posts.length).toBe(connector.count + 1);
    expect(watched.stored).toHaveLength(connector.count);

    // The same items delivered again (a feed has no cursor; Bluesky's `since` is inclusive).
    await watched.poll();
    expect(watched.stored).toHaveLength(connector.count);
    expect(new Set(watched.stored.map((post) => post.externalId)).size).toBe(connector.count);
  });
});

function serveLookup(server: RecordedServer, connector: Connector): void {
  server.answer('/api/v1/accounts/lookup', { body: connector.recorded['/api/v1/accounts/lookup'] ?? '' });
}
