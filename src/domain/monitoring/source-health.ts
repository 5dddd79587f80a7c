// How a watched source is doing, when to poll it next, and which of its posts are new.
// A failure never moves the cursor, so the next successful poll asks for everything after the
// last stored post; waits grow exponentially with jitter (the random number is passed in, as is
// the time), honour the site's Retry-After, and are capped.

export type SourceProblem = 'timeout' | 'rate_limited' | 'malformed' | 'http_error' | 'unreachable';

export interface SourceHealth {
  consecutiveFailures: number;
  /** When the current run of failures began; absent while the source works. */
  failingSince?: Date;
  lastProblem?: SourceProblem;
  lastDetail?: string;
  lastSuccessAt?: Date;
  nextPollAt: Date;
  /** Where the last successful poll left off. */
  cursor?: string;
}

export type PollOutcome =
  { ok: true; cursor?: string } | { ok: false; problem: SourceProblem; retryAfterSeconds?: number; detail: string };

export interface Backoff {
  /** The usual time between polls of a working source. */
  intervalMs: number;
  /** The longest Footprint waits of its own accord after failures. */
  maxDelayMs: number;
  /** The longest Footprint honours a site's Retry-After for (a site asking for a week is capped). */
  maxRetryAfterMs: number;
}

export const defaultBackoff: Backoff = {
  intervalMs: 15 * 60 * 1000,
  maxDelayMs: 6 * 60 * 60 * 1000,
  maxRetryAfterMs: 24 * 60 * 60 * 1000,
};

/** A source never polled: due now. */
export function newSourceHealth(now: Date): SourceHealth {
  return { consecutiveFailures: 0, nextPollAt: now };
}

/**
 * The health after a poll. `random` is a number in [0, 1) from the caller; it spreads retries
 * over the second half of each wait, so sources that failed together do not retry together.
 */
export function afterPoll(
  health: SourceHealth,
  outcome: PollOutcome,
  now: Date,
  random: number,
  backoff: Backoff = defaultBackoff,
): SourceHealth {
  if (outcome.ok) {
    return {
      consecutiveFailures: 0,
      lastSuccessAt: now,
      nextPollAt: new Date(now.getTime() + backoff.intervalMs),
      ...(outcome.cursor !== undefined ? { cursor: outcome.cursor } : keepCursor(health)),
    };
  }
  const failures = health.consecutiveFailures + 1;
  const exponential = Math.min(backoff.maxDelayMs, backoff.intervalMs * 2 ** Math.min(failures, 30));
  const jittered = exponential * (0.5 + 0.5 * Math.min(Math.max(random, 0), 1));
  const asked = Math.min((outcome.retryAfterSeconds ?? 0) * 1000, backoff.maxRetryAfterMs);
  const wait = Math.max(jittered, asked);
  return {
    consecutiveFailures: failures,
    failingSince: health.failingSince ?? now,
    lastProblem: outcome.problem,
    lastDetail: outcome.detail,
    ...(health.lastSuccessAt ? { lastSuccessAt: health.lastSuccessAt } : {}),
    nextPollAt: new Date(now.getTime() + wait),
    ...keepCursor(health),
  };
}

export function isDue(health: SourceHealth, now: Date): boolean {
  return health.nextPollAt.getTime() <= now.getTime();
}

export type SourceStatus =
  | { state: 'working'; label: 'Working' }
  | { state: 'slowed'; label: 'Slowed down: the site asked us to wait'; until: Date }
  | { state: 'failing'; label: string; since: Date; reason: string };

/** What the monitoring page says about a source. */
export function sourceStatus(health: SourceHealth): SourceStatus {
  if (health.consecutiveFailures === 0 || !health.failingSince) return { state: 'working', label: 'Working' };
  if (health.lastProblem === 'rate_limited') {
    return { state: 'slowed', label: 'Slowed down: the site asked us to wait', until: health.nextPollAt };
  }
  return {
    state: 'failing',
    label: `Failing since ${formatMoment(health.failingSince)}`,
    since: health.failingSince,
    reason: reasons[health.lastProblem ?? 'unreachable'],
  };
}

const reasons: Record<SourceProblem, string> = {
  timeout: 'The site did not answer in time.',
  rate_limited: 'The site asked us to wait.',
  malformed: 'The site sent something that is not a feed. Check the address is the feed itself.',
  http_error: 'The site refused the request. Check the address, or whether the feed still exists.',
  unreachable: 'Footprint could not reach the site. Check the address.',
};

/**
 * The posts not seen before, each once: those whose externalId is in `seen` (already stored) or
 * earlier in the same batch (a feed repeating an item) are dropped. Order is kept.
 */
export function newPosts<T extends { externalId: string }>(seen: ReadonlySet<string>, posts: readonly T[]): T[] {
  const taken = new Set<string>();
  return posts.filter((post) => {
    if (seen.has(post.externalId) || taken.has(post.externalId)) return false;
    taken.add(post.externalId);
    return true;
  });
}

function keepCursor(health: SourceHealth): { cursor?: string } {
  return health.cursor !== undefined ? { cursor: health.cursor } : {};
}

const moment = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "2 March 2026 at 09:40", in the school's (UK) time. */
function formatMoment(at: Date): string {
  const parts = Object.fromEntries(moment.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}
