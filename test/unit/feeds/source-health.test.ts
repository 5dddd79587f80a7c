import { describe, expect, it } from 'vitest';
import {
  afterPoll,
  defaultBackoff,
  isDue,
  newPosts,
  newSourceHealth,
  sourceStatus,
  type SourceHealth,
} from '../../../src/domain/monitoring/source-health.ts';

const start = new Date('2026-03-02T09:40:00Z');
const minutes = (n: number) => n * 60 * 1000;
const failure = { ok: false as const, problem: 'timeout' as const, detail: 'example.org did not answer in time.' };

function failTimes(times: number, random: number): SourceHealth {
  let health = newSourceHealth(start);
  for (let n = 0; n < times; n += 1) health = afterPoll(health, failure, start, random);
  return health;
}

describe('A source’s health', () => {
  it('is due at once when new, and polls again after the usual interval when it works', () => {
    const fresh = newSourceHealth(start);
    expect(isDue(fresh, start)).toBe(true);

    const health = afterPoll(fresh, { ok: true, cursor: '42' }, start, 0.5);

    expect(health).toEqual({
      consecutiveFailures: 0,
      lastSuccessAt: start,
      nextPollAt: new Date(start.getTime() + minutes(15)),
      cursor: '42',
    });
    expect(isDue(health, new Date(start.getTime() + minutes(14)))).toBe(false);
    expect(sourceStatus(health)).toEqual({ state: 'working', label: 'Working' });
  });

  it('waits twice as long after each failure, with the jitter given, up to six hours', () => {
    const waits = [1, 2, 3, 4, 5, 6, 10].map((n) => failTimes(n, 1).nextPollAt.getTime() - start.getTime());
    expect(waits).toEqual([30, 60, 120, 240, 360, 360, 360].map(minutes));

    // With the lowest random number, the wait is half as long: sources failing together spread out.
    expect(failTimes(1, 0).nextPollAt.getTime() - start.getTime()).toBe(minutes(15));
    expect(failTimes(3, 0.5).nextPollAt.getTime() - start.getTime()).toBe(minutes(90));
  });

  it('never moves the cursor on a failure, and keeps it through a success that gives none', () => {
    const working = afterPoll(newSourceHealth(start), { ok: true, cursor: '113987654321098765' }, start, 0.5);
    const failed = afterPoll(working, { ...failure, problem: 'malformed' }, start, 0.5);
    expect(failed.cursor).toBe('113987654321098765');

    const mended = afterPoll(failed, { ok: true }, start, 0.5);
    expect(mended.cursor).toBe('113987654321098765');
    expect(mended.consecutiveFailures).toBe(0);
    expect(mended).not.toHaveProperty('failingSince');
  });

  it('honours Retry-After when it asks for longer than the back-off, up to a day', () => {
    const asked = afterPoll(
      newSourceHealth(start),
      { ok: false, problem: 'rate_limited', retryAfterSeconds: 3 * 60 * 60, detail: 'x' },
      start,
      0,
    );
    expect(asked.nextPollAt.getTime() - start.getTime()).toBe(minutes(180));

    const short = afterPoll(
      newSourceHealth(start),
      { ok: false, problem: 'rate_limited', retryAfterSeconds: 5, detail: 'x' },
      start,
      1,
    );
    expect(short.nextPollAt.getTime() - start.getTime()).toBe(minutes(30));

    const week = afterPoll(
      newSourceHealth(start),
      { ok: false, problem: 'rate_limited', retryAfterSeconds: 7 * 24 * 3600, detail: 'x' },
      start,
      0,
    );
    expect(week.nextPollAt.getTime() - start.getTime()).toBe(defaultBackoff.maxRetryAfterMs);
  });

  it('says on the page when the site asked us to wait', () => {
    const health = afterPoll(
      newSourceHealth(start),
      { ok: false, problem: 'rate_limited', retryAfterSeconds: 600, detail: 'x' },
      start,
      0,
    );

    expect(sourceStatus(health)).toEqual({
      state: 'slowed',
      label: 'Slowed down: the site asked us to wait',
      until: health.nextPollAt,
    });
  });

  it('says since when a source has been failing, in UK time', () => {
    let health = afterPoll(newSourceHealth(start), failure, start, 0.5);
    health = afterPoll(health, { ...failure, problem: 'http_error' }, new Date('2026-03-03T12:00:00Z'), 0.5);

    expect(sourceStatus(health)).toEqual({
      state: 'failing',
      label: 'Failing since 2 March 2026 at 09:40',
      since: start,
      reason: 'The site refused the request. Check the address, or whether the feed still exists.',
    });
    expect(health.consecutiveFailures).toBe(2);
    expect(sourceStatus(afterPoll(newSourceHealth(start), failure, new Date('2026-07-01T08:05:00Z'), 0)).label).toBe(
      'Failing since 1 July 2026 at 09:05',
    );
  });
});

describe('New posts', () => {
  const post = (externalId: string) => ({ externalId, text: externalId });

  it('drops posts already stored and repeats within one batch, keeping the order', () => {
    const seen = new Set(['a', 'c']);

    expect(newPosts(seen, [post('a'), post('b'), post('c'), post('d'), post('b')])).toEqual([post('b'), post('d')]);
  });

  it('keeps everything when nothing was seen before', () => {
    expect(newPosts(new Set(), [post('x'), post('y')])).toEqual([post('x'), post('y')]);
  });
});
