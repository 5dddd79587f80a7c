// The pure rules of sign-off: who is in an audience, when reminders fall due, how the answers are
// counted and shared out in percentages, how far the first emails have gone, and what a reason to
// decline must be.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleHeld } from '../../../src/domain/community/people.ts';
import {
  chaserDue,
  inAudience,
  isSignOffAudience,
  maxReasonLength,
  readReason,
  sendingProgress,
  shares,
  signOffAudiences,
  tally,
  type Recipient,
} from '../../../src/domain/sign-off/index.ts';

const dayMs = 24 * 60 * 60 * 1000;
const invitedAt = new Date('2026-09-07T09:00:00Z');
const daysAfter = (days: number) => new Date(invitedAt.getTime() + days * dayMs);

describe('Audiences', () => {
  const teacher: RoleHeld = { role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] };
  const parent: RoleHeld = { role: 'parent' };

  it('are the adults who sign the policy: never pupils, visitors or contractors', () => {
    expect([...signOffAudiences].sort()).toEqual(['governor', 'parent', 'pta_member', 'staff', 'volunteer']);
    for (const other of ['visitor', 'contractor', 'pupil', 'headteacher', '', undefined, 3]) {
      expect(isSignOffAudience(other), String(other)).toBe(false);
    }
  });

  it('take in everyone holding the role, including someone who holds it among others', () => {
    expect(inAudience([teacher], 'staff')).toBe(true);
    expect(inAudience([teacher, parent], 'parent')).toBe(true);
    expect(inAudience([teacher, parent], 'staff')).toBe(true);
    expect(inAudience([teacher], 'parent')).toBe(false);
    expect(inAudience([{ role: 'visitor' }], 'volunteer')).toBe(false);
    expect(inAudience([], 'staff')).toBe(false);
  });
});

describe('Reminders', () => {
  const sent = (stamps: Partial<Pick<Recipient, 'firstChaserAt' | 'secondChaserAt'>> = {}) => ({
    invitedAt,
    ...stamps,
  });

  it('are due on day 7 and day 14 after the first email, not before', () => {
    expect(chaserDue(sent(), daysAfter(6.99))).toBeUndefined();
    expect(chaserDue(sent(), daysAfter(7))).toBe('first');
    expect(chaserDue(sent({ firstChaserAt: daysAfter(7) }), daysAfter(13.99))).toBeUndefined();
    expect(chaserDue(sent({ firstChaserAt: daysAfter(7) }), daysAfter(14))).toBe('second');
  });

  it('never go twice, and stop after the second', () => {
    expect(chaserDue(sent({ firstChaserAt: daysAfter(7) }), daysAfter(8))).toBeUndefined();
    const both = sent({ firstChaserAt: daysAfter(7), secondChaserAt: daysAfter(14) });
    for (const day of [14, 15, 30, 365]) expect(chaserDue(both, daysAfter(day))).toBeUndefined();
  });

  it('send only the second to someone first reached after day 14, never both at once', () => {
    expect(chaserDue(sent(), daysAfter(15))).toBe('second');
  });

  it('are not due before the first email has gone', () => {
    expect(chaserDue({}, daysAfter(30))).toBeUndefined();
  });

  it('are never due at all to anyone at any moment once both have gone (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 400, noNaN: true }), (day) => {
        const both = sent({ firstChaserAt: daysAfter(7), secondChaserAt: daysAfter(14) });
        expect(chaserDue(both, daysAfter(day))).toBeUndefined();
      }),
    );
  });

  it('are not due to someone who has answered, nor once the request has closed', () => {
    expect(chaserDue(sent(), daysAfter(7), { answered: true })).toBeUndefined();
    expect(chaserDue(sent({ firstChaserAt: daysAfter(7) }), daysAfter(14), { answered: true })).toBeUndefined();
    expect(chaserDue(sent(), daysAfter(8), { closedAt: daysAfter(3) })).toBeUndefined();
    expect(
      chaserDue(sent({ firstChaserAt: daysAfter(7) }), daysAfter(20), { closedAt: daysAfter(10) }),
    ).toBeUndefined();
    expect(chaserDue(sent(), daysAfter(7), { answered: false })).toBe('first');
  });
});

describe('The tally', () => {
  it('counts each answer once and the rest as outstanding', () => {
    expect(tally(['acknowledged', 'declined', undefined, 'acknowledged'])).toEqual({
      asked: 4,
      acknowledged: 2,
      declined: 1,
      outstanding: 1,
    });
    expect(tally([])).toEqual({ asked: 0, acknowledged: 0, declined: 0, outstanding: 0 });
  });

  it('shares out whole percentages that add up to 100', () => {
    expect(shares(tally(['acknowledged', 'declined', undefined]))).toEqual({
      acknowledged: 34,
      declined: 33,
      outstanding: 33,
    });
    expect(shares(tally(['acknowledged', undefined]))).toEqual({ acknowledged: 50, declined: 0, outstanding: 50 });
    expect(shares(tally(['acknowledged']))).toEqual({ acknowledged: 100, declined: 0, outstanding: 0 });
  });

  it('shows nobody as 0% of anything when nobody was asked', () => {
    expect(shares(tally([]))).toEqual({ acknowledged: 0, declined: 0, outstanding: 0 });
  });

  it('never rounds a group with somebody in it to 0%, nor shows 100% while anyone is elsewhere', () => {
    const many = (count: number, answer: 'acknowledged' | 'declined' | undefined) =>
      Array.from({ length: count }, () => answer);
    expect(shares(tally([...many(999, 'acknowledged'), 'declined']))).toEqual({
      acknowledged: 99,
      declined: 1,
      outstanding: 0,
    });
    expect(shares(tally([...many(998, undefined), 'acknowledged', 'declined']))).toEqual({
      acknowledged: 1,
      declined: 1,
      outstanding: 98,
    });
  });

  it('always adds up to 100, each share within two points of the exact one (property)', () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(2000), fc.nat(2000), (acknowledged, declined, outstanding) => {
        const asked = acknowledged + declined + outstanding;
        fc.pre(asked > 0);
        const counted = { asked, acknowledged, declined, outstanding };
        const shared = shares(counted);
        expect(shared.acknowledged + shared.declined + shared.outstanding).toBe(100);
        for (const key of ['acknowledged', 'declined', 'outstanding'] as const) {
          expect(Math.abs(shared[key] - (counted[key] * 100) / asked)).toBeLessThan(2);
          expect(shared[key] === 0).toBe(counted[key] === 0);
          expect(shared[key] === 100).toBe(counted[key] === asked);
        }
      }),
    );
  });
});

describe('How far the first emails have gone', () => {
  const at = new Date('2026-09-07T09:00:00Z');

  it('counts those sent against everyone still to be emailed', () => {
    expect(
      sendingProgress([
        { recipient: { invitedAt: at } },
        { recipient: { invitedAt: at }, answer: 'acknowledged' },
        { recipient: {} },
        { recipient: {} },
      ]),
    ).toEqual({ sent: 2, total: 4 });
  });

  it('leaves out someone who answered before their email went, who will never be sent it', () => {
    expect(sendingProgress([{ recipient: { invitedAt: at } }, { recipient: {}, answer: 'declined' }])).toEqual({
      sent: 1,
      total: 1,
    });
  });
});

describe('A reason to decline', () => {
  it('is required, and kept without the spaces around it', () => {
    expect(readReason('   ')).toEqual({ problem: expect.stringContaining('Say why you do not agree') });
    expect(readReason('  The photo rule is unclear \n')).toEqual({ reason: 'The photo rule is unclear' });
  });

  it('is at most 1000 characters', () => {
    expect(readReason('x'.repeat(maxReasonLength))).toEqual({ reason: 'x'.repeat(maxReasonLength) });
    expect(readReason('x'.repeat(maxReasonLength + 1))).toEqual({ problem: 'Use 1000 characters or fewer' });
  });

  it('refuses characters that cannot be stored', () => {
    expect(readReason('Unclear\u0000')).toEqual({ problem: expect.stringContaining('cannot be kept') });
    expect(readReason('Unclear \uD800 rule')).toEqual({ problem: expect.stringContaining('cannot be kept') });
  });
});
