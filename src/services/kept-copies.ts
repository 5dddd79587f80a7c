// Published policies, kept in memory. A published version never changes, and its status changes
// only when the next is published; every such change is announced (see PublicationNotices), so a
// copy is kept until the school's next notice, and only while notices are being heard.
import type { PublicationNotices } from './ports.ts';

interface Kept<T> {
  schoolId: string;
  value: T;
}

/** Copies of what `load` gives, by key; each belongs to a school and goes when that school's policy changes. */
export interface KeptCopies<T> {
  get(key: string, load: () => Promise<Kept<T> | undefined>): Promise<T | undefined>;
  /** Drops the school's copies at once: for the process that made the change, before its notice arrives. */
  forget(schoolId: string): void;
}

/** A few thousand copies: all the pages of a trust of fifty schools, and the versions people follow links to. */
const defaultLimit = 2000;

export function keptCopies<T>(publications: PublicationNotices, limit = defaultLimit): KeptCopies<T> {
  const copies = new Map<string, Promise<Kept<T> | undefined>>();
  // Bumped by every notice, so that a load that began before one is not kept after it.
  let generation = 0;
  function forget(schoolId: string | undefined) {
    generation += 1;
    if (schoolId === undefined) {
      copies.clear();
      return;
    }
    for (const [key, copy] of copies) {
      void copy.then((kept) => {
        if (kept?.schoolId === schoolId && copies.get(key) === copy) copies.delete(key);
      });
    }
  }
  void publications.listen(forget);

  return {
    forget,
    async get(key, load) {
      if (!publications.hearing()) return (await load())?.value;
      const kept = copies.get(key);
      if (kept) {
        // Least recently used goes first: a key read again moves to the end.
        copies.delete(key);
        copies.set(key, kept);
        return (await kept)?.value;
      }
      const startedAt = generation;
      const loading = load();
      copies.set(key, loading);
      try {
        const loaded = await loading;
        // Nothing is kept for an address no school has, nor across a notice heard meanwhile.
        if (!loaded || generation !== startedAt) copies.delete(key);
        return loaded?.value;
      } catch (error) {
        copies.delete(key);
        throw error;
      } finally {
        if (copies.size > limit) copies.delete(copies.keys().next().value!);
      }
    },
  };
}
