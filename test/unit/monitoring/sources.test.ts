// The sources form: each kind asks for what it needs, and only public places on the web are taken.
import { describe, expect, it } from 'vitest';
import { describeSource, readSourceForm } from '../../../src/services/monitoring.ts';

describe('A source from the form', () => {
  it('takes each kind of public source', () => {
    expect(readSourceForm({ kind: 'rss', url: 'https://www.google.com/alerts/feeds/1/2' })).toEqual({
      ok: true,
      source: { kind: 'rss', url: 'https://www.google.com/alerts/feeds/1/2' },
    });
    expect(readSourceForm({ kind: 'mastodon_tag', instance: 'mastodon.social', tag: '#OakfieldPrimary' })).toEqual({
      ok: true,
      source: { kind: 'mastodon_tag', instance: 'mastodon.social', tag: 'OakfieldPrimary' },
    });
    const account = readSourceForm({ kind: 'mastodon_account', instance: 'mastodon.social', account: '@oakfieldpta' });
    expect(account.ok && describeSource(account.source)).toBe('Mastodon @oakfieldpta on mastodon.social');
    expect(readSourceForm({ kind: 'bluesky_search', query: 'Oakfield Primary' }).ok).toBe(true);
  });

  it('says what is missing for each kind', () => {
    expect(readSourceForm({})).toEqual({ ok: false, errors: { kind: 'Choose the kind of source' } });
    const tag = readSourceForm({ kind: 'mastodon_tag', instance: '', tag: 'two words' });
    expect(tag.ok ? [] : Object.keys(tag.errors).sort()).toEqual(['instance', 'tag']);
    expect(readSourceForm({ kind: 'bluesky_search', query: ' ' }).ok).toBe(false);
    expect(readSourceForm({ kind: 'rss', url: 'ftp://example.org/feed' }).ok).toBe(false);
  });

  it('refuses addresses inside a network: the server itself, its neighbours, a cloud’s metadata service', () => {
    for (const url of [
      'http://localhost/feed',
      'http://127.0.0.1:8080/feed',
      'http://10.1.2.3/feed',
      'http://172.20.0.5/feed',
      'http://192.168.1.10/feed',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/feed',
      'https://printer.local/feed',
    ]) {
      expect(readSourceForm({ kind: 'rss', url }).ok, url).toBe(false);
    }
    expect(readSourceForm({ kind: 'mastodon_tag', instance: '192.168.0.2.example', tag: 'x' }).ok).toBe(true);
    expect(readSourceForm({ kind: 'rss', url: 'http://172.32.0.1/feed' }).ok).toBe(true);
  });
});
