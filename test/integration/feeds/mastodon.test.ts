import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedReader } from '../../../src/adapters/feeds/index.ts';
import type { FeedRead } from '../../../src/services/ports.ts';
import { recorded, startRecordedServer, type RecordedServer } from './recorded-server.ts';

const now = new Date('2026-03-02T11:30:00Z');
const options = { timeoutMs: 2000, now };

function success(read: FeedRead) {
  if (!read.ok) throw new Error(`expected posts, got ${read.problem}: ${read.detail}`);
  return read;
}

describe('Reading Mastodon public timelines', () => {
  let server: RecordedServer;
  const reader = createFeedReader();

  beforeAll(async () => {
    server = await startRecordedServer();
    server.answer('/api/v1/timelines/tag/OakfieldPrimary', { body: recorded('mastodon-tag-timeline.json') });
    server.answer('/api/v1/accounts/lookup', { body: recorded('mastodon-account-lookup.json') });
    server.answer('/api/v1/accounts/109555000000000001/statuses', { body: recorded('mastodon-account-statuses.json') });
  });
  afterAll(() => server.close());

  it('keeps only the public statuses of a hashtag timeline, as plain text', async () => {
    const read = success(
      await reader.read({ kind: 'mastodon_tag', instance: server.origin, tag: '#OakfieldPrimary' }, undefined, options),
    );

    expect(read.posts).toEqual([
      {
        externalId: 'https://mastodon.example.social/users/oakvalemum/statuses/113987654321098765',
        url: 'https://mastodon.example.social/@oakvalemum/113987654321098765',
        author: '@oakvalemum@127.0.0.1:' + new URL(server.origin).port,
        text: 'So proud of the Year 6 bake sale at #OakfieldPrimary today! https://www.oakvale-gazette.example.co.uk/news',
        publishedAt: new Date('2026-03-02T09:48:31Z'),
        hasImage: true,
        public: true,
      },
      {
        externalId: 'https://toot.example.org/users/localnews/statuses/113987500000000003',
        url: 'https://toot.example.org/@localnews/113987500000000003',
        author: '@localnews@toot.example.org',
        text: 'School gates & parking\n\nAnother morning of chaos outside #OakfieldPrimary.\nCouncil says it\'s "looking into it".\n\nVideo below.',
        publishedAt: new Date('2026-03-02T08:05:12Z'),
        hasImage: true,
        public: true,
      },
    ]);
    // The cursor passes the unlisted and private statuses too, so they are not asked for again.
    expect(read.cursor).toBe('113987654321098765');
    const asked = server.received.at(-1)?.url;
    expect(asked?.searchParams.get('limit')).toBe('40');
    expect(asked?.searchParams.has('min_id')).toBe(false);
  });

  it('asks for the statuses after the cursor, and keeps the cursor when none are new', async () => {
    server.answer('/api/v1/timelines/tag/quiet', { body: '[]' });

    const read = success(
      await reader.read({ kind: 'mastodon_tag', instance: server.origin, tag: 'quiet' }, '113987654321098765', options),
    );

    expect(server.received.at(-1)?.url.searchParams.get('min_id')).toBe('113987654321098765');
    expect(read).toEqual({ ok: true, posts: [], cursor: '113987654321098765' });
  });

  it("reads an account's public statuses, looking the account up first and leaving out replies", async () => {
    const read = success(
      await reader.read(
        { kind: 'mastodon_account', instance: server.origin, account: '@OakfieldPrimary' },
        '113987000000000000',
        options,
      ),
    );

    expect(read.posts.map((p) => [p.text, p.hasImage])).toEqual([
      ['Thank you to every family who came to the bake sale! We raised £2,000 for Oakvale Food Bank.', true],
    ]);
    expect(read.cursor).toBe('113988000000000010');
    const [lookup, statuses] = server.received.slice(-2).map((r) => r.url);
    expect(lookup?.searchParams.get('acct')).toBe('OakfieldPrimary');
    expect(statuses?.searchParams.get('exclude_replies')).toBe('true');
    expect(statuses?.searchParams.get('exclude_reblogs')).toBe('true');
    expect(statuses?.searchParams.get('min_id')).toBe('113987000000000000');
  });

  it('says which account was not found', async () => {
    server.answer('/api/v1/accounts/lookup', { status: 404, body: '{"error":"Record not found"}' });

    const read = await reader.read(
      { kind: 'mastodon_account', instance: server.origin, account: 'nobody' },
      undefined,
      options,
    );

    expect(read).toMatchObject({ ok: false, problem: 'http_error', detail: expect.stringContaining('404') });
    server.answer('/api/v1/accounts/lookup', { body: recorded('mastodon-account-lookup.json') });
  });

  it('refuses a server address that is not http(s)', async () => {
    const read = await reader.read(
      { kind: 'mastodon_tag', instance: 'javascript:alert(1)', tag: 'x' },
      undefined,
      options,
    );

    expect(read).toMatchObject({ ok: false, problem: 'unreachable' });
  });
});
