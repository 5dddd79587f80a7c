import { describe, expect, it } from 'vitest';
import { secondsToWait } from '../../../src/adapters/feeds/http.ts';
import { htmlToText, safeUrl } from '../../../src/adapters/feeds/text.ts';

describe('Plain text from a post’s HTML', () => {
  it('keeps only the text a reader would see, decoded once', () => {
    expect(
      htmlToText(
        '<p>Fish &amp;amp; chips &lt;3</p><script>alert(1)</script><style>p{}</style><p>Line<br>break&nbsp;here</p>',
      ),
    ).toEqual({ text: 'Fish &amp; chips <3\n\nLine\nbreak here', hasImage: false });
  });

  it('notices pictures, and leaves out attributes and event handlers', () => {
    expect(htmlToText('<img src=x onerror="alert(1)"><a href="javascript:alert(2)">link</a>')).toEqual({
      text: 'link',
      hasImage: true,
    });
  });

  it('removes direction-changing and control characters', () => {
    expect(htmlToText('Oak\u202efield\u0007 Primary').text).toBe('Oakfield Primary');
  });
});

describe('Safe addresses', () => {
  it('keeps http(s) addresses, resolving relative ones', () => {
    expect(safeUrl('/news/1', 'https://paper.example.org/feed')).toBe('https://paper.example.org/news/1');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,hi')).toBeUndefined();
    expect(safeUrl(' not a url ')).toBeUndefined();
  });

  it("unwraps Google's redirect links, but only to http(s)", () => {
    expect(safeUrl('https://www.google.com/url?rct=j&sa=t&url=https://paper.example.org/a&ct=ga')).toBe(
      'https://paper.example.org/a',
    );
    expect(safeUrl('https://www.google.co.uk/url?q=https://paper.example.org/b&sa=U')).toBe(
      'https://paper.example.org/b',
    );
    expect(safeUrl('https://www.google.com/url?q=javascript:alert(1)')).toBe(
      'https://www.google.com/url?q=javascript:alert(1)',
    );
    expect(safeUrl('https://evil.example/url?q=https://paper.example.org/')).toBe(
      'https://evil.example/url?q=https://paper.example.org/',
    );
  });
});

describe('How long a site asks us to wait', () => {
  const now = new Date('2026-03-02T12:00:00Z');

  it('reads Retry-After in seconds or as a date, and RateLimit-Reset', () => {
    expect(secondsToWait(new Headers({ 'retry-after': '90' }), now)).toBe(90);
    expect(secondsToWait(new Headers({ 'retry-after': 'Mon, 02 Mar 2026 12:10:00 GMT' }), now)).toBe(600);
    expect(secondsToWait(new Headers({ 'retry-after': 'Mon, 02 Mar 2026 11:00:00 GMT' }), now)).toBe(0);
    expect(secondsToWait(new Headers({ 'ratelimit-reset': String(now.getTime() / 1000 + 45) }), now)).toBe(45);
    expect(secondsToWait(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(secondsToWait(new Headers(), now)).toBeUndefined();
  });
});
