// Server-side sessions in the database: found by their id, ended for one account all at once,
// and cleared once past their time.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../support/backends.ts';
import { aPersonWithAccount, aSchool } from '../../support/community.ts';
import { useAdapters } from '../../support/fixtures.ts';

describeEachBackend('Sessions', (backend) => {
  const adapters = useAdapters(backend);
  const at = (hours: number) => new Date(Date.UTC(2026, 10, 22, 8) + hours * 3_600_000);

  it('are found by id, ended per account, and purged when expired', async () => {
    const { units } = adapters();
    const school = await aSchool(adapters(), 'session', '700001');
    const tom = await aPersonWithAccount(adapters(), school.id, {
      givenName: 'Tom',
      familyName: 'Teach',
      email: 'tom@session.example',
      roles: [{ role: 'staff', jobTitle: 'Teacher', duties: ['teacher'] }],
    });
    const signedIn = { schoolId: school.id, accountId: tom.accountId, data: { stage: 'signed_in' } };
    await units.acrossSchools(async (store) => {
      await store.sessions.save('first-browser-id', {
        ...signedIn,
        startedAt: at(0),
        lastSeenAt: at(0),
        expiresAt: at(10),
      });
      await store.sessions.save('second-browser-id', {
        ...signedIn,
        startedAt: at(0),
        lastSeenAt: at(0),
        expiresAt: at(10),
      });
      await store.sessions.save('old-browser-id', {
        data: {},
        startedAt: at(-12),
        lastSeenAt: at(-12),
        expiresAt: at(-2),
      });
    });
    const find = (id: string) => units.acrossSchools((store) => store.sessions.find(id));

    expect((await find('first-browser-id'))?.accountId).toBe(tom.accountId);
    expect(await units.acrossSchools((store) => store.sessions.purgeExpired(at(1)))).toBe(1);
    expect(await find('old-browser-id')).toBeUndefined();
    expect(await units.inSchool(school.id, (store) => store.sessions.countOf(tom.accountId))).toBe(2);
    expect(await units.inSchool(school.id, (store) => store.sessions.destroyAllOf(tom.accountId))).toBe(2);
    expect(await find('second-browser-id')).toBeUndefined();
  });
});
