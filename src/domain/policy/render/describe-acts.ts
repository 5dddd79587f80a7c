// The acts of a condition in plain English: "accepting a friend request from a pupil",
// "contact with a parent (friend requests, following or messages)".
import type { Act } from '../vocabulary.ts';
import { contactActs } from './condition-words.ts';
import { actWords } from './vocabulary-words.ts';
import { joinWords } from './words.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The acts a condition names, with the other person if there is one; undefined for a test it cannot read. */
export function describeActs(test: unknown, whom: string | undefined): string | undefined {
  const negated = isRecord(test) && 'not' in test && Object.keys(test).length === 1;
  const inner = negated ? test.not : test;
  const list = isRecord(inner) ? inner.anyOf : inner;
  if (!Array.isArray(list) && typeof list !== 'string') return undefined;
  const acts = [list].flat() as Act[];
  const phrase = negated ? (l: string) => `doing anything other than ${l}` : (l: string) => l;
  if (!whom)
    return phrase(
      joinWords(
        mergeFriendRequests(acts).map((a) => alone(a)),
        'or',
      ),
    );
  if (acts.length >= 3 && acts.every((a) => contactActs.has(a))) {
    const ways = joinWords(
      mergeFriendRequests(acts).map((a) => contactWays[a] ?? alone(a)),
      'or',
    );
    return phrase(`contact with ${whom} (${ways})`);
  }
  return phrase(
    joinWords(
      mergeFriendRequests(acts).map((a) => withOther(a, whom)),
      'or',
    ),
  );
}

type ActOrExchange = Act | 'exchange';
const contactWays: Partial<Record<ActOrExchange, string>> = {
  exchange: 'friend requests',
  friend_request_send: 'sending friend requests',
  friend_request_accept: 'accepting friend requests',
  follow: 'following',
  message: 'messages',
  share_contact_details: 'sharing contact details',
};
function mergeFriendRequests(acts: Act[]): ActOrExchange[] {
  if (!acts.includes('friend_request_send') || !acts.includes('friend_request_accept')) return acts;
  const rest = acts.filter((a) => a !== 'friend_request_send' && a !== 'friend_request_accept');
  return ['exchange', ...rest];
}
const alone = (a: ActOrExchange) => (a === 'exchange' ? 'exchanging friend requests' : actWords[a].alone);
function withOther(a: ActOrExchange, whom: string): string {
  if (a === 'exchange') return `exchanging friend requests with ${whom}`;
  const words = actWords[a];
  return words.with ? words.with(whom) : `${words.alone} involving ${whom}`;
}
