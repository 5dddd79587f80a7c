import { describe, expect, it } from 'vitest';
import { accessChanges, type AccessHolder } from '../../../src/domain/access/changes.ts';

const holder = (personId: string, roles: AccessHolder['roles']): AccessHolder => ({ personId, name: personId, roles });

describe('accessChanges', () => {
  it('names what each person gains and loses, and leaves out those unchanged', () => {
    const before = [holder('ada', ['staff']), holder('ben', ['staff', 'dsl']), holder('cal', ['governor'])];
    const after = [holder('cal', ['governor']), holder('ben', ['staff']), holder('ada', ['staff', 'headteacher'])];
    expect(accessChanges(before, after)).toEqual([
      { personId: 'ada', name: 'ada', gained: ['headteacher'], lost: [] },
      { personId: 'ben', name: 'ben', gained: [], lost: ['dsl'] },
    ]);
  });

  it('treats someone missing afterwards as having lost everything', () => {
    expect(accessChanges([holder('ada', ['staff', 'parent'])], [])).toEqual([
      { personId: 'ada', name: 'ada', gained: [], lost: ['staff', 'parent'] },
    ]);
  });
});
