import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Shortest and longest password a staff account may have. */
export const passwordLength = { min: 12, max: 256 } as const;

/** scrypt cost: N = 2^15, r = 8, p = 1 (OWASP's minimum for scrypt), 16-byte salt, 64-byte key. */
const defaults = { N: 2 ** 15, r: 8, p: 1 } as const;
const saltBytes = 16;
const keyBytes = 64;

/** scrypt needs 128·N·r bytes; Node's default `maxmem` (32 MiB) is exactly that, which it refuses. */
function maxmemFor(N: number, r: number): number {
  return 2 * 128 * N * r;
}

function deriveKey(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: maxmemFor(cost.N, cost.r) };
  return new Promise((resolve, reject) => {
    // NFC: the same password typed on two keyboards gives the same bytes.
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A self-describing hash: `scrypt$N$r$p$saltBase64$hashBase64`, so the cost can rise later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await deriveKey(password, salt, defaults);
  return ['scrypt', defaults.N, defaults.r, defaults.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Whether the password matches the stored hash, compared in constant time.
 * A malformed hash (or one with an absurd cost) matches nothing.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const key = await deriveKey(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

// Random salt and key with the current cost: checking against it costs one scrypt and matches nothing.
const decoy = ['scrypt', defaults.N, defaults.r, defaults.p, randomBytes(saltBytes).toString('base64'), randomBytes(keyBytes).toString('base64')].join('$');

/**
 * Spends one scrypt on a hash no password has, so that signing in as an
 * unknown user takes as long as a wrong password for a known one.
 */
export async function spendOneVerification(password: string): Promise<void> {
  await verifyPassword(password, decoy);
}

function parseHash(encoded: string): { cost: { N: number; r: number; p: number }; salt: Buffer; key: Buffer } | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (N === undefined || r === undefined || p === undefined) return undefined;
  const sane = Number.isInteger(N) && N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0 && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
  if (!sane) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 16 || key.length < 32) return undefined;
  return { cost: { N, r, p }, salt, key };
}
