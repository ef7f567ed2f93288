import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;
const SCHEME = 'scrypt';

/** A new secret player token: 32 random bytes, base64url. */
export function newPlayerToken(): string {
  return randomBytes(32).toString('base64url');
}

/** `scrypt$<salt>$<hash>` (base64url); the token itself is never stored. */
export async function hashPlayerToken(token: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(token, salt, KEY_LENGTH);
  return [SCHEME, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPlayerToken(token: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== SCHEME || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(token, Buffer.from(salt, 'base64url'), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
