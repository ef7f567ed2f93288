import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/crashloop.db';

/** DATABASE_URL (SQLite `file:` URL); relative paths are relative to the working directory. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : DEFAULT_DATABASE_URL;
}

/** Creates the folder of a file-backed SQLite database, so a fresh clone starts without setup. */
export function ensureDatabaseDir(url: string): void {
  if (!url.startsWith('file:')) return;
  const path = url.slice('file:'.length).split('?')[0];
  if (path === ':memory:' || path.length === 0) return;
  mkdirSync(dirname(resolve(path)), { recursive: true });
}
