import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/domain/community/people.ts';
import { demoSignInNote, generateTrust, type DemoPerson } from '../../../src/domain/demo/index.ts';

const trust = generateTrust({ seed: 3, today: '2026-03-02' });
const note = demoSignInNote(trust);
const line = (role: string) => note.split('\n').filter((l) => l.trimStart().startsWith(role));
const named = (person: DemoPerson) => `${displayName(person.person)} <${person.person.email}>`;

describe('demoSignInNote', () => {
  it('names the trust and says that it is invented', () => {
    expect(note).toMatch(new RegExp(`^${trust.organisation.name}\n.*invented`));
  });

  it("gives each school's public address", () => {
    for (const { school } of trust.schools) expect(note).toContain(`Public address: /s/${school.slug}`);
  });

  it('names a person with an email for every role in every school', () => {
    expect(note).not.toContain('nobody');
    for (const role of ['Headteacher', 'DSL', 'Teacher', 'Chair of governors', 'Parent', 'Staff and parent']) {
      const lines = line(role);
      expect(lines, role).toHaveLength(trust.schools.length);
      for (const text of lines) expect(text).toMatch(/<[^>@]+@([a-z0-9-]+\.)*example\.org>/);
    }
  });

  it('names the real holders of each role', () => {
    const [demo] = trust.schools;
    const chair = demo!.governors.find((g) => g.roles.some((r) => r.role === 'governor' && r.duties.includes('chair')));
    expect(line('Chair of governors')[0]).toContain(named(chair!));
    const parentLine = line('Parent')[0]!;
    const parent = demo!.carers.find((c) => parentLine.includes(named(c)));
    expect(parent?.links.length).toBeGreaterThan(0);
    const staffParent = demo!.staff.find((s) => line('Staff and parent')[0]!.includes(named(s)));
    expect(staffParent?.roles.map((r) => r.role)).toContain('parent');
  });
});
