// The demo's sign-in details work: each role's person signs in with the printed password, and
// those whose roles need a second factor with the printed key or one of the printed codes.
import { expect, it } from 'vitest';
import { totpCode } from '../../../src/adapters/crypto/totp.ts';
import { generateTrust } from '../../../src/domain/demo/index.ts';
import { createServices } from '../../../src/wiring.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useAdapters } from '../../support/fixtures.ts';

describeEachBackend('Demo sign-in details', (backend) => {
  const adapters = useAdapters(backend);

  it('let each demo role sign in, with a second factor where the role needs one', async () => {
    const services = createServices(adapters());
    const trust = generateTrust({ seed: 11, schools: 1, pupilsPerSchool: 30, today: '2026-11-22' });
    const [school] = await services.demo.write(trust, 'demo-abcd-efgh-jkmn');
    const byRole = new Map(school!.signIns.map((signIn) => [signIn.role, signIn]));
    expect([...byRole.keys()]).toEqual(expect.arrayContaining(['Headteacher', 'DSL', 'Teacher', 'Parent']));

    const head = byRole.get('Headteacher')!;
    const first = await services.access.checkPassword(head.email, 'demo-abcd-efgh-jkmn');
    expect(first.outcome).toBe('code_needed');
    if (first.outcome !== 'code_needed') return;
    expect(
      await services.access.checkCode(first.schoolId, first.accountId, totpCode(head.authenticatorKey!, new Date())),
    ).toBe(true);

    const dsl = byRole.get('DSL')!;
    const dslFirst = await services.access.checkPassword(dsl.email, 'demo-abcd-efgh-jkmn');
    if (dslFirst.outcome !== 'code_needed') throw new Error('the DSL should need a code');
    expect(await services.access.checkCode(dslFirst.schoolId, dslFirst.accountId, dsl.recoveryCodes![0]!)).toBe(true);

    const parent = byRole.get('Parent')!;
    expect(parent.authenticatorKey).toBeUndefined();
    expect((await services.access.checkPassword(parent.email, 'demo-abcd-efgh-jkmn')).outcome).toBe('signed_in');
    expect((await services.access.checkPassword(parent.email, 'the wrong one')).outcome).toBe('refused');
  });

  it('publishes the model policy for each demo school, ratified by its chair, so it can be asked at once', async () => {
    const services = createServices(adapters());
    const trust = generateTrust({ seed: 12, schools: 2, pupilsPerSchool: 20, today: '2026-11-22' });
    const written = await services.demo.write(trust);
    for (const school of written) {
      const published = await services.schoolPolicy.published(school.slug);
      expect(published?.version).toMatchObject({ number: 1, label: '1.0', status: 'published' });
      expect(published?.document.issuedTo).toEqual([school.name]);
      expect(published?.ratifications).toEqual([
        { ratifiedOn: expect.any(String), meeting: 'Full governing body (demo)' },
      ]);
      const answer = await services.schoolPolicy.check(school.slug, {
        actor: { role: 'staff' },
        act: 'friend_request_accept',
        counterpart: { role: 'pupil', age: 9 },
      });
      expect(answer?.outcome.verdict).toBe('breach');
    }
  });
});
