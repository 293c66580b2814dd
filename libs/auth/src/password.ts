import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords hashed with scrypt, the memory-hard function built into Node, at OWASP's
 * parameters (N=2^17, r=8, p=1: 128 MiB and ≈0.45 s per hash on the 2-core development
 * machine), stored as `scrypt$N$r$p$salt$hash` so that every hash carries its own cost.
 * Older, weaker hashes still verify; `needsRehash` tells the login to store a new one.
 */
export const PASSWORD_HASH_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** The highest cost a stored hash may ask for (a corrupted record must not exhaust memory). */
const MAX_N = 2 ** 20;
const MAX_R = 16;
const MAX_P = 4;

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** scrypt needs 128·N·r bytes; Node refuses anything above `maxmem` (32 MiB by default). */
function maxmemFor({ N, r }: ScryptParams): number {
  return 128 * N * r + 16 * 1024 * 1024;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || rest.length > 0) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    Number.isInteger(params.N) &&
    params.N >= 2 &&
    params.N <= MAX_N &&
    (params.N & (params.N - 1)) === 0 &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= MAX_R &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= MAX_P;
  if (!sane) return null;
  return { ...params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

export async function hashPassword(
  password: string,
  params: ScryptParams = PASSWORD_HASH_PARAMS,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** Whether a stored hash is weaker than the current parameters (or not ours at all). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  return (
    parsed.N < PASSWORD_HASH_PARAMS.N ||
    parsed.r < PASSWORD_HASH_PARAMS.r ||
    parsed.p < PASSWORD_HASH_PARAMS.p ||
    parsed.hash.length < KEY_LENGTH
  );
}

/** The minimum length of a password (API.md, Accounts). */
export const MIN_PASSWORD_LENGTH = 10;

/** API.md's rule: at least 10 characters and not the account's own id; null when fine. */
export function passwordProblem(password: string, userId: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.trim().toLowerCase() === userId.trim().toLowerCase()) return '密码不能与用户名相同';
  return null;
}
