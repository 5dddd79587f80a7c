import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedReader } from '../../../src/adapters/feeds/index.ts';
import type { FeedRead, FetchedPost } from '../../../src/services/ports.ts';
import { recorded, startRecordedServer, type RecordedServer } from './recorded-server.ts';

const now = new Date('2026-03-02T10:15:00Z');
const options = { timeoutMs: 2000, now };

function posts(read: FeedRead): FetchedPost[] {
  if (!read.ok) throw new Error(`expected posts, got ${read.problem}: ${read.detail}`);
  return read.posts;
}

describe('Reading RSS and Atom feeds', () => {
  let server: RecordedServer;
  const reader = createFeedReader();

  beforeAll(async () => {
    server = await startRecordedServer();
  });
  afterAll(() => server.close());

  it('reads an RSS 2.0 news search as plain-text posts', async () => {
    server.answer('/news.rss', {
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: recorded('news-search.rss.xml'),
    });

    const found = posts(await reader.read({ kind: 'rss', url: `${server.origin}/news.rss` }, undefined, options));

    expect(found.map((p) => p.externalId)).toEqual([
      'news-example-8f3a1c0e7b',
      'news-example-2b9d44a1f0',
      'https://radio.example.org/local/oakfield-head-retires',
    ]);
    const [bakeSale, carPark, retires] = found;
    expect(bakeSale).toEqual({
      externalId: 'news-example-8f3a1c0e7b',
      url: 'https://www.oakvale-gazette.example.co.uk/news/2026/03/02/oakfield-food-bank?utm_source=search&utm_medium=rss',
      author: 'Priya Shah',
      text: 'Oakfield Primary School pupils raise £2,000 for the food bank\n\nYear 6 pupils at Oakfield Primary School held a bake sale & sponsored walk.',
      publishedAt: new Date('2026-03-02T09:40:12Z'),
      hasImage: true,
      public: true,
    });
    expect(carPark?.text).toBe(
      'Parents\' concerns over Oakfield Primary School car park – council responds\n\nResidents say drop-off traffic at the school is "dangerous".',
    );
    expect(carPark?.publishedAt).toEqual(new Date('2026-03-01T17:02:00Z'));
    expect(carPark?.hasImage).toBe(false);
    expect(retires?.text).toContain('Mrs Janet Hughes says goodbye to the school.');
    // An audio enclosure is not a picture.
    expect(retires?.hasImage).toBe(false);
    expect(server.received.at(-1)?.headers['user-agent']).toMatch(/^Footprint\//);
  });

  it('reads a Google Alerts Atom feed, stripping the HTML and unwrapping Google links', async () => {
    server.answer('/alerts', {
      headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
      body: recorded('google-alerts.atom.xml'),
    });

    const found = posts(await reader.read({ kind: 'rss', url: `${server.origin}/alerts` }, undefined, options));

    expect(found).toHaveLength(3);
    const [ofsted, letters, spam] = found;
    expect(ofsted).toEqual({
      externalId: 'tag:google.com,2013:googlealerts/feed:14021766430498763501',
      url: 'https://www.oakvale-gazette.example.co.uk/news/2026/03/02/oakfield-ofsted',
      text: 'Oakfield Primary celebrates "Outstanding" Ofsted report\n\nInspectors praised Oakfield Primary\'s "calm and purposeful" classrooms and its approach to online safety ...',
      publishedAt: new Date('2026-03-02T09:55:07Z'),
      hasImage: false,
      public: true,
    });
    expect(letters?.url).toBe('https://www.regional-post.example.com/opinion/letters/2026-03-01');
    expect(letters?.text).toContain("Oakfield Primary's field & the new houses.");
    // A javascript: link is never passed on; the text keeps no markup at all.
    expect(spam?.url).toMatch(/^https:\/\//);
    expect(spam?.url).not.toContain('javascript');
    expect(spam?.text).toBe('Click here about Oakfield Primary\n\nSpam about Oakfield Primary');
    expect(spam?.hasImage).toBe(true);
  });

  it('reads an RSS 1.0 feed and an Atom feed with XHTML content', async () => {
    server.answer('/rdf', {
      body: `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://parish.example.org/"><title>Parish news</title><link>https://parish.example.org/</link></channel>
  <item rdf:about="https://parish.example.org/fete"><title>Fete at Oakfield</title><link>/fete</link><dc:date>2026-02-28T12:00:00Z</dc:date></item>
</rdf:RDF>`,
    });
    server.answer('/xhtml', {
      body: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:x:1</id><title type="text">5 &lt; 6 &amp; plain</title>
<link rel="alternate" href="https://blog.example.org/a"/><updated>2026-02-01T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>Oakfield</b></p><img src="a.jpg"/></div></content></entry></feed>`,
    });

    const [fete] = posts(await reader.read({ kind: 'rss', url: `${server.origin}/rdf` }, undefined, options));
    expect(fete).toMatchObject({ url: 'https://parish.example.org/fete', text: 'Fete at Oakfield' });
    const [entry] = posts(await reader.read({ kind: 'rss', url: `${server.origin}/xhtml` }, undefined, options));
    expect(entry).toMatchObject({ url: 'https://blog.example.org/a', hasImage: true });
    expect(entry?.text).toContain('5 < 6 & plain');
    expect(entry?.text).toContain('Hello');
  });

  it('refuses a page that is not a feed', async () => {
    server.answer('/page', {
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><html><body>Hi</body></html>',
    });

    const read = await reader.read({ kind: 'rss', url: `${server.origin}/page` }, undefined, options);

    expect(read).toMatchObject({ ok: false, problem: 'malformed' });
  });

  it('stops reading a feed larger than the limit', async () => {
    const small = createFeedReader({ maxBytes: 4096 });
    const huge = recorded('news-search.rss.xml').replace('<channel>', `<channel><!--${'x'.repeat(10_000)}-->`);
    server.answer('/huge', { body: huge });
    server.answer('/huge-stream', { stallAfter: huge });

    expect(await small.read({ kind: 'rss', url: `${server.origin}/huge` }, undefined, options)).toMatchObject({
      ok: false,
      problem: 'malformed',
      detail: expect.stringContaining('more than'),
    });
    // Without a Content-Length, the limit is enforced while reading.
    expect(await small.read({ kind: 'rss', url: `${server.origin}/huge-stream` }, undefined, options)).toMatchObject({
      ok: false,
      problem: 'malformed',
    });
  });

  it('says a server that refuses connections is unreachable, and a 404 is an HTTP error', async () => {
    const closed = await startRecordedServer();
    await closed.close();

    expect(await reader.read({ kind: 'rss', url: `${closed.origin}/feed` }, undefined, options)).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });
    expect(await reader.read({ kind: 'rss', url: `${server.origin}/missing` }, undefined, options)).toMatchObject({
      ok: false,
      problem: 'http_error',
      detail: expect.stringContaining('404'),
    });
    expect(await reader.read({ kind: 'rss', url: 'file:///etc/passwd' }, undefined, options)).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });
  });

  describe('never expands entities a feed declares (XXE)', () => {
    let directory: string;
    let secretFile: string;
    const secret = 'TOP-SECRET-CONTENTS-7f1c';

    beforeAll(() => {
      directory = mkdtempSync(join(tmpdir(), 'footprint-xxe-'));
      secretFile = join(directory, 'secret.txt');
      writeFileSync(secretFile, secret);
    });
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it('reads no file for an external entity', async () => {
      server.answer('/xxe', {
        body: `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secretFile}">]>
<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>Leak: &xxe;</title></item></channel></rss>`,
      });

      const read = await reader.read({ kind: 'rss', url: `${server.origin}/xxe` }, undefined, options);

      expect(JSON.stringify(read)).not.toContain(secret);
      expect(read).toMatchObject({ ok: false, problem: 'malformed' });
    });

    it('leaves an entity the feed declares unexpanded', async () => {
      server.answer('/declared', {
        body: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY school "Oakfield">]>
<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>&school; news</title></item></channel></rss>`,
      });

      const [post] = posts(await reader.read({ kind: 'rss', url: `${server.origin}/declared` }, undefined, options));

      expect(post?.text).toBe('&school; news');
    });

    it('does not expand internal entities, however many', async () => {
      const laughs = ['<!ENTITY lol "lol">'];
      for (let n = 1; n <= 9; n += 1) laughs.push(`<!ENTITY lol${n} "${`&lol${n === 1 ? '' : n - 1};`.repeat(10)}">`);
      server.answer('/laughs', {
        body: `<?xml version="1.0"?>
<!DOCTYPE rss [${laughs.join('')}]>
<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>Oakfield &lol9; &amp; more</title></item></channel></rss>`,
      });

      const started = Date.now();
      const read = await reader.read({ kind: 'rss', url: `${server.origin}/laughs` }, undefined, options);

      expect(Date.now() - started).toBeLessThan(1000);
      const text = read.ok ? (read.posts[0]?.text ?? '') : '';
      expect(text).not.toContain('lollol');
      expect(JSON.stringify(read).length).toBeLessThan(2000);
    });
  });
});
