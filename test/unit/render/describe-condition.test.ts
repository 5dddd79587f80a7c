import { describe, expect, it } from 'vitest';
import { describeCircumstance, describeCondition } from '../../../src/domain/policy/render/index.ts';

describe('conditions in plain English', () => {
  it.each([
    // [condition, words]
    [{ act: 'post' }, 'posting'],
    [{ act: ['post', 'message'] }, 'posting or sending private messages'],
    [
      { act: 'friend_request_accept', 'counterpart.role': ['pupil', 'former_pupil'], 'counterpart.age': { below: 16 } },
      'accepting a friend request from a pupil or former pupil under 16',
    ],
    [
      { act: 'follow', 'counterpart.role': 'former_pupil', 'counterpart.age': { atLeast: 18 } },
      'following a former pupil 18 or over',
    ],
    [
      { act: 'message', 'counterpart.role': 'former_pupil', 'counterpart.age': { above: 15 } },
      'messaging a former pupil over 15',
    ],
    [
      { act: 'message', 'counterpart.role': 'former_pupil', 'counterpart.age': { atMost: 15 } },
      'messaging a former pupil 15 or under',
    ],
    [
      { act: 'register_account', 'actor.role': 'pupil', 'actor.age': { not: { atLeast: 13 } } },
      'a pupil under 13 registering on a social media platform',
    ],
    [
      { act: 'friend_request_send', 'counterpart.role': { not: ['pupil', 'former_pupil'] } },
      'sending a friend request to someone other than a pupil or former pupil',
    ],
    [{ act: 'post', 'content.about': { anyOf: ['pupils', 'staff'] } }, 'posting about pupils or staff'],
    [{ act: 'post', 'content.about': { allOf: ['pupils', 'staff'] } }, 'posting about pupils and staff'],
    [{ act: 'post', 'content.labels': { not: ['complaint'] } }, 'posting with content that is not a complaint'],
    [{ 'context.platform': { present: false } }, 'where the site or app is not given'],
    [
      { act: 'post', 'content.images': { some: { of: ['other_pupils', 'pupils'], consent: { not: true } } } },
      'posting with a photo of other pupils or pupils without consent',
    ],
    [{ act: 'post', 'content.images': { not: { some: { of: 'staff' } } } }, 'posting without a photo of staff'],
    [
      { act: 'use_phone', any: [{ 'context.onPremises': true }, { 'context.onSchoolTrip': true }] },
      'using a phone or camera on the school premises, or on a school trip or visit',
    ],
    [
      { act: 'post', all: [{ 'content.tone': 'negative' }, { 'content.about': ['school'] }] },
      'posting in a negative tone and about the school',
    ],
    [
      { act: 'post', not: { 'content.channel': 'official' } },
      "posting anywhere except on the school's official accounts",
    ],
    [{ not: { 'context.emergency': true } }, 'when there is no emergency'],
    [{ act: { not: 'post' } }, 'doing anything other than posting'],
    [
      { act: ['friend_request_send', 'friend_request_accept'], 'counterpart.role': 'parent' },
      'exchanging friend requests with a parent',
    ],
    [
      { act: ['friend_request_send', 'friend_request_accept', 'follow', 'message'], 'counterpart.role': 'parent' },
      'contact with a parent (friend requests, following or messages)',
    ],
    [
      {
        act: 'friend_request_accept',
        'counterpart.role': 'parent',
        'counterpart.relationship': 'friend',
        'counterpart.declared': false,
      },
      'accepting a friend request from a parent who is a friend outside school where the relationship has not been declared to the school',
    ],
    [{ 'context.platform': ['linkedin', 'x'] }, 'on LinkedIn or X'],
    [{ 'content.namesPupils': true }, 'a post naming a pupil'],
  ])('%j reads "%s"', (condition, words) => {
    expect(describeCondition(condition)).toBe(words);
  });

  it('says a rule with no condition applies to any situation', () => {
    expect(describeCondition(undefined)).toBe('any situation');
  });

  it('opens a sentence with "in cases of" only where the condition names something done', () => {
    expect(describeCircumstance({ act: 'post', 'content.labels': ['racist'] })).toBe(
      'in cases of posting with content that is racist',
    );
    expect(describeCircumstance({ 'context.onPremises': true, 'context.workingHours': false })).toBe(
      'on the school premises outside working hours',
    );
  });
});
