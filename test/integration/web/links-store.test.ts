// The rules of one-time links, and the repository that keeps them, on each database: how long
// each kind works, that a use is one conditional update (of two at once, one wins), and that a
// new link replaces the unused ones before it.
import { describe, expect, it } from 'vitest';
import {
  expiryOf,
  lifetimeInWords,
  linkState,
  momentInWords,
  type LinkPurpose,
} from '../../../src/domain/links/index.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

describe('One-time link rules', () => {
  const at = new Date('2026-03-02T10:00:00Z');

  it('give each kind of link its own lifetime', () => {
    const minutes = (purpose: LinkPurpose) => (expiryOf(purpose, at).getTime() - at.getTime()) / 60_000;
    expect(minutes('invitation')).toBe(7 * 24 * 60);
    expect(minutes('password_reset')).toBe(60);
    expect(minutes('sign_in')).toBe(15);
    expect(['invitation', 'password_reset', 'sign_in'].map((p) => lifetimeInWords(p as LinkPurpose))).toEqual([
      '7 days',
      '1 hour',
      '15 minutes',
    ]);
  });

  it('stop a link working at its expiry, and say used rather than expired once it was used', () => {
    const expiresAt = expiryOf('sign_in', at);
    expect(linkState({ expiresAt }, new Date(expiresAt.getTime() - 1))).toBe('usable');
    expect(linkState({ expiresAt }, expiresAt)).toBe('expired');
    expect(linkState({ expiresAt, usedAt: at }, new Date(expiresAt.getTime() + 1))).toBe('used');
  });

  it('tell the time in the UK, summer or winter', () => {
    expect(momentInWords(new Date('2026-07-27T14:05:00Z'))).toBe('3:05pm on Monday 27 July 2026');
    expect(momentInWords(new Date('2026-01-05T09:30:00Z'))).toBe('9:30am on Monday 5 January 2026');
  });
});

describeEachBackend('One-time links in the database', (backend) => {
  const adapters = useAdapters(backend);

  async function account(slug: string, urn: string) {
    const { units } = adapters();
    const school = await units.acrossSchools(async (store) => {
      const organisation = await store.schools.addOrganisation({ name: `${slug} trust`, kind: 'standalone' });
      return store.schools.addSchool(organisation.id, {
        name: `${slug} Primary`,
        slug,
        urn,
        phase: 'primary',
        address: { line1: '1 School Lane', town: 'Exampleton', postcode: 'EX1 1AA' },
        contactEmail: `office@${slug}.example`,
        day: { starts: '08:45', ends: '15:15' },
      });
    });
    const made = await units.inSchool(school.id, async (store) => {
      const [person] = await store.people.add([
        { person: { givenName: 'Pat', familyName: 'Parent' }, roles: [{ role: 'parent' }] },
      ]);
      return store.accounts.add({ personId: person!.id, email: `pat@${slug}.example` });
    });
    return { schoolId: school.id, accountId: made.id };
  }

  const fresh = (ids: { schoolId: string; accountId: string }, purpose: LinkPurpose, createdAt = new Date()) =>
    adapters().units.inSchool(ids.schoolId, (store) =>
      store.links.create({ ...ids, purpose, createdAt, expiresAt: expiryOf(purpose, createdAt) }),
    );
  const find = (token: string, purpose: LinkPurpose) =>
    adapters().units.acrossSchools((store) => store.links.find(token, purpose));
  const use = (token: string, purpose: LinkPurpose, at: Date) =>
    adapters().units.acrossSchools((store) => store.links.use(token, purpose, at));

  it('makes tokens of 32 random bytes, and finds a link only by its own token and purpose', async () => {
    const ids = await account('ash', '500001');
    const { token, link } = await fresh(ids, 'sign_in');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(await find(token, 'sign_in')).toEqual(link);
    expect(await find(token, 'password_reset')).toBeUndefined();
    expect(await find(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'sign_in')).toBeUndefined();
    expect(await find('not a token', 'sign_in')).toBeUndefined();
  });

  it('finds and uses a link in a unit of its own school, and never in another school’s', async () => {
    const ids = await account('elder', '500005');
    const other = await account('fig', '500006');
    const { token, link } = await fresh(ids, 'sign_in');
    const now = new Date();
    const inSchool = (schoolId: string) =>
      adapters().units.inSchool(schoolId, async (store) => ({
        found: await store.links.find(token, 'sign_in'),
        used: await store.links.use(token, 'sign_in', now),
      }));
    expect(await inSchool(other.schoolId)).toEqual({ found: undefined, used: undefined });
    expect(await inSchool(ids.schoolId)).toEqual({ found: link, used: { ...link, usedAt: now } });
  });

  it('lets only one of two uses at the same moment succeed', async () => {
    const ids = await account('beech', '500002');
    const { token } = await fresh(ids, 'password_reset');
    const now = new Date();
    const useOnce = () => use(token, 'password_reset', now);
    const uses = await Promise.all([useOnce(), useOnce()]);
    expect(uses.filter((used) => used !== undefined)).toHaveLength(1);
    expect((await find(token, 'password_reset'))?.usedAt).toEqual(now);
  });

  it('refuses to use a link at or after its expiry', async () => {
    const ids = await account('cedar', '500003');
    const made = new Date(Date.now() - 60 * 60_000);
    const { token, link } = await fresh(ids, 'sign_in', made);
    expect(await use(token, 'sign_in', link.expiresAt)).toBeUndefined();
    expect(await use(token, 'sign_in', new Date(link.expiresAt.getTime() - 1))).toBeDefined();
  });

  it('stops the unused links of the same purpose working when a new one is made, and no others', async () => {
    const ids = await account('damson', '500004');
    const older = await fresh(ids, 'sign_in');
    const used = await fresh(ids, 'sign_in');
    const usedAt = new Date();
    expect(await use(used.token, 'sign_in', usedAt)).toBeDefined();
    const reset = await fresh(ids, 'password_reset');
    const newer = await fresh(ids, 'sign_in', new Date(Date.now() + 1000));

    const olderNow = await find(older.token, 'sign_in');
    expect(linkState(olderNow!, new Date(Date.now() + 1000))).toBe('expired');
    expect((await find(used.token, 'sign_in'))?.usedAt).toEqual(usedAt);
    expect(linkState((await find(reset.token, 'password_reset'))!, new Date())).toBe('usable');
    expect(linkState((await find(newer.token, 'sign_in'))!, new Date(Date.now() + 1000))).toBe('usable');
  });
});
