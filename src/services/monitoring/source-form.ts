// A source as the school adds it: the kinds there are, the form read into a source (only public
// places, only over the web), and a source put into words for the page.
import type { FeedSource } from '../ports.ts';

export const sourceKinds = ['rss', 'mastodon_tag', 'mastodon_account', 'bluesky_search'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const sourceKindNames: Readonly<Record<SourceKind, string>> = {
  rss: 'A news or Google Alerts feed (RSS or Atom)',
  mastodon_tag: 'A Mastodon hashtag',
  mastodon_account: 'A Mastodon account',
  bluesky_search: 'A Bluesky search',
};

export type SourceFormValues = Partial<Record<'kind' | 'url' | 'instance' | 'tag' | 'account' | 'query', string>>;

/**
 * Whether an address names a machine inside a network rather than a public site: the school's
 * own server, its neighbours, or a cloud's metadata service. A source must be a public place.
 */
function inside(address: string): boolean {
  // An IPv6 literal is written in brackets; none is a public feed's usual address.
  if (address.includes('[')) return true;
  const name = address
    .replace(/^https?:\/\//i, '')
    .replace(/[/:].*$/, '')
    .toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal')) {
    return true;
  }
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(name);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** A source from the form, or what to correct. Only public places, and only over the web. */
export function readSourceForm(
  values: SourceFormValues,
): { ok: true; source: FeedSource } | { ok: false; errors: Record<string, string> } {
  const get = (name: keyof SourceFormValues) => (values[name] ?? '').trim();
  const web = (text: string) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !inside(url.hostname);
    } catch {
      return false;
    }
  };
  const host = (text: string) => /^(https:\/\/)?[a-z0-9.-]+\.[a-z]{2,}\/?$/i.test(text) && !inside(text);
  switch (get('kind')) {
    case 'rss':
      return web(get('url'))
        ? { ok: true, source: { kind: 'rss', url: get('url') } }
        : { ok: false, errors: { url: 'Enter the feed’s web address, starting https://' } };
    case 'mastodon_tag': {
      const errors: Record<string, string> = {};
      if (!host(get('instance'))) errors.instance = 'Enter the Mastodon server, such as mastodon.social';
      const tag = get('tag').replace(/^#/, '');
      if (!/^\w{1,100}$/.test(tag)) errors.tag = 'Enter the hashtag, letters and digits only, such as OakfieldPrimary';
      return Object.keys(errors).length > 0
        ? { ok: false, errors }
        : { ok: true, source: { kind: 'mastodon_tag', instance: get('instance'), tag } };
    }
    case 'mastodon_account': {
      const errors: Record<string, string> = {};
      if (!host(get('instance'))) errors.instance = 'Enter the Mastodon server, such as mastodon.social';
      const account = get('account').replace(/^@/, '');
      if (!/^[\w.@-]{1,200}$/.test(account)) errors.account = 'Enter the account, such as oakfieldpta';
      return Object.keys(errors).length > 0
        ? { ok: false, errors }
        : { ok: true, source: { kind: 'mastodon_account', instance: get('instance'), account } };
    }
    case 'bluesky_search':
      return get('query').length > 0 && get('query').length <= 200
        ? { ok: true, source: { kind: 'bluesky_search', query: get('query') } }
        : { ok: false, errors: { query: 'Enter what to search for, such as "Oakfield Primary"' } };
    default:
      return { ok: false, errors: { kind: 'Choose the kind of source' } };
  }
}

/** A source in words, for the page. */
export function describeSource(source: FeedSource): string {
  switch (source.kind) {
    case 'rss':
      return `Feed: ${source.url}`;
    case 'mastodon_tag':
      return `Mastodon #${source.tag} on ${source.instance}`;
    case 'mastodon_account':
      return `Mastodon @${source.account} on ${source.instance}`;
    case 'bluesky_search':
      return `Bluesky search for “${source.query}”`;
  }
}
