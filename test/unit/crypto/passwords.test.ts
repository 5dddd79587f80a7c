import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordHashing, verifyPassword } from '../../../src/adapters/crypto/passwords.ts';

// Argon2 is slow on purpose: these tests make as few hashes as they can.
describe('Password hashes', () => {
  it('are argon2id with at least 19 MiB, two passes and one lane, and verify only the same password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('treat the same password in another Unicode form as the same password', async () => {
    const composed = 'caf\u00e9 au lait, s\u2019il vous pla\u00eet';
    const stored = await hashPassword(composed);
    expect(await verifyPassword(stored, composed.normalize('NFD'))).toBe(true);
  });

  it('say no, after the same work, for someone with no password', async () => {
    const stored = await hashPassword('a real password');
    expect(await verifyPassword(undefined, 'no one has this password')).toBe(false);
    const quickest = async (check: () => Promise<boolean>) => {
      const times: number[] = [];
      for (let run = 0; run < 2; run += 1) {
        const start = performance.now();
        await check();
        times.push(performance.now() - start);
      }
      return Math.min(...times);
    };
    const real = await quickest(() => verifyPassword(stored, 'a guess'));
    const none = await quickest(() => verifyPassword(undefined, 'a guess'));
    // Coarse on purpose: skipping the work would make it hundreds of times quicker, not a little.
    expect(none).toBeGreaterThan(real * 0.3);
  });

  it.each([{ memoryCost: 9216 }, { timeCost: 1 }, { parallelism: 2 }])(
    'ask for a new hash when it was made with other settings: %o',
    async (other) => {
      expect(needsRehash(await hash('a password', { ...passwordHashing, ...other }))).toBe(true);
    },
  );

  it('ask for a new hash when it is not an argon2 hash at all', () => {
    expect(needsRehash('$2b$10$a bcrypt hash from another system')).toBe(true);
  });

  it('keep to the minimum settings', () => {
    expect(passwordHashing.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(passwordHashing.timeCost).toBeGreaterThanOrEqual(2);
    expect(passwordHashing.parallelism).toBe(1);
  });
});
