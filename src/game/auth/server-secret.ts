import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { databaseUrl } from '../persistence/database-url';

export const SERVER_SECRET = Symbol('SERVER_SECRET');

/**
 * The HMAC key of session tokens: CRASHLOOP_SECRET, or a random key persisted as `secret` next to
 * the SQLite file (so tokens survive a restart), created on first start.
 */
export function loadServerSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.CRASHLOOP_SECRET;
  if (fromEnv && fromEnv.length > 0) {
    if (fromEnv.length < 16) throw new Error('CRASHLOOP_SECRET must be at least 16 characters');
    return Buffer.from(fromEnv, 'utf8');
  }
  const file = join(dataDir(env), 'secret');
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32);
  try {
    // 'wx': if another process created it meanwhile, use theirs.
    writeFileSync(file, secret.toString('base64url'), { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  }
}

/** CRASHLOOP_DATA_DIR, else the folder of the SQLite file. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CRASHLOOP_DATA_DIR) return resolve(env.CRASHLOOP_DATA_DIR);
  const url = databaseUrl(env);
  const path = url.startsWith('file:') ? url.slice('file:'.length).split('?')[0] : '';
  return path && path !== ':memory:' ? dirname(resolve(path)) : resolve('data');
}
