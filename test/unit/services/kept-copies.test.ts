import { describe, expect, it } from 'vitest';
import { keptCopies } from '../../../src/services/kept-copies.ts';
import type { PublicationNotices } from '../../../src/services/ports.ts';

/** Notices as a test announces them, heard or not as the test says. */
function notices() {
  let listener: ((schoolId: string | undefined) => void) | undefined;
  const state = { hearing: true };
  const port: PublicationNotices = {
    listen: (given) => {
      listener = given;
      return Promise.resolve();
    },
    changedHere: (schoolId) => listener?.(schoolId),
    hearing: () => state.hearing,
    close: () => Promise.resolve(),
  };
  return { port, state, announce: (schoolId: string | undefined) => listener?.(schoolId) };
}

describe('Copies of published policies kept in memory', () => {
  const loader = () => {
    const loads: string[] = [];
    const load = (schoolId: string, value: string) => () => {
      loads.push(value);
      return Promise.resolve({ schoolId, value });
    };
    return { loads, load };
  };

  it('are read once, then kept until the school announces a change', async () => {
    const { port, announce } = notices();
    const copies = keptCopies<string>(port);
    const { loads, load } = loader();
    expect(await copies.get('rowan', load('school-1', 'v1'))).toBe('v1');
    expect(await copies.get('rowan', load('school-1', 'v1 again'))).toBe('v1');
    expect(await copies.get('alder', load('school-2', 'a1'))).toBe('a1');
    announce('school-1');
    await Promise.resolve();
    expect(await copies.get('rowan', load('school-1', 'v2'))).toBe('v2');
    expect(await copies.get('alder', load('school-2', 'a2'))).toBe('a1');
    expect(loads).toEqual(['v1', 'a1', 'v2']);
  });

  it('are all dropped when notices may have been missed, and not kept while none are heard', async () => {
    const { port, state, announce } = notices();
    const copies = keptCopies<string>(port);
    const { loads, load } = loader();
    await copies.get('rowan', load('school-1', 'v1'));
    announce(undefined);
    state.hearing = false;
    await copies.get('rowan', load('school-1', 'v2'));
    await copies.get('rowan', load('school-1', 'v3'));
    expect(loads).toEqual(['v1', 'v2', 'v3']);
  });

  it('are dropped at once when the process that made the change forgets them', async () => {
    const { port } = notices();
    const copies = keptCopies<string>(port);
    const { loads, load } = loader();
    await copies.get('rowan', load('school-1', 'v1'));
    copies.forget('school-1');
    await Promise.resolve();
    await copies.get('rowan', load('school-1', 'v2'));
    expect(loads).toEqual(['v1', 'v2']);
  });

  it('keep nothing for an address that no school has', async () => {
    const { port } = notices();
    const copies = keptCopies<string>(port);
    let loads = 0;
    const none = () => {
      loads += 1;
      return Promise.resolve(undefined);
    };
    expect(await copies.get('nowhere', none)).toBeUndefined();
    expect(await copies.get('nowhere', none)).toBeUndefined();
    expect(loads).toBe(2);
  });

  it('do not keep what was read while a change was announced', async () => {
    const { port, announce } = notices();
    const copies = keptCopies<string>(port);
    const slow = Promise.withResolvers<{ schoolId: string; value: string }>();
    const reading = copies.get('rowan', () => slow.promise);
    announce('school-1');
    slow.resolve({ schoolId: 'school-1', value: 'stale' });
    expect(await reading).toBe('stale');
    const { load } = loader();
    expect(await copies.get('rowan', load('school-1', 'fresh'))).toBe('fresh');
  });

  it('keep at most the number they are given, dropping the least recently read', async () => {
    const { port } = notices();
    const copies = keptCopies<string>(port, 2);
    const { loads, load } = loader();
    await copies.get('a', load('s', 'a'));
    await copies.get('b', load('s', 'b'));
    await copies.get('a', load('s', 'a again'));
    await copies.get('c', load('s', 'c'));
    await copies.get('a', load('s', 'a third time'));
    await copies.get('b', load('s', 'b again'));
    expect(loads).toEqual(['a', 'b', 'c', 'b again']);
  });
});
