import { describe, expect, it } from 'vitest';
import { hashPassword, spendOneVerification, verifyPassword } from './password-hash.js';

describe('password hashing', () => {
  it('encodes scrypt with its cost, a 16-byte salt and a 64-byte key', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    const [scheme, N, r, p, salt, key] = encoded.split('$');
    expect({ scheme, N, r, p }).toEqual({ scheme: 'scrypt', N: '32768', r: '8', p: '1' });
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(64);
  });

  it('accepts the password and nothing else', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', encoded)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', encoded)).toBe(false);
  });

  it('salts every hash, so equal passwords hash differently', async () => {
    const [first, second] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(first).not.toBe(second);
  });

  it('treats differently composed but equal Unicode text as the same password', async () => {
    const encoded = await hashPassword('crème brûlée 2024!');
    expect(await verifyPassword('cre\u0300me bru\u0302le\u0301e 2024!', encoded)).toBe(true);
  });

  it('matches nothing against a malformed or tampered hash', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    const parts = encoded.split('$');
    for (const tampered of [
      '',
      'plain-text-password',
      encoded.replace('scrypt$', 'bcrypt$'),
      [...parts.slice(0, 1), String(2 ** 30), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), Buffer.alloc(64).toString('base64')].join('$'),
      [...parts.slice(0, 5)].join('$'),
    ]) {
      expect(await verifyPassword('correct horse battery staple', tampered), tampered).toBe(false);
    }
  });

  it('spends about one verification on a decoy, for unknown users', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    await spendOneVerification('warm-up');
    const timed = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const decoy = await timed(() => spendOneVerification('some guess at all'));
    const real = await timed(() => verifyPassword('some guess at all', encoded));
    expect(decoy).toBeGreaterThan(real / 3);
  });
});
