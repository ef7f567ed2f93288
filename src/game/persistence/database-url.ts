import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/crashloop.db';

/** DATABASE_URL (SQLite `file:` URL); relative paths are relative to the working directory. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : DEFAULT_DATABASE_URL;
}

/** The file a `file:` URL names, as the SQLite adapter opens it (relative to the working directory); null for memory. */
export function databaseFile(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).split('?')[0];
  return path === ':memory:' || path.length === 0 ? null : resolve(path);
}

/** Creates the folder of a file-backed SQLite database, so a fresh clone starts without setup. */
export function ensureDatabaseDir(url: string): void {
  const file = databaseFile(url);
  if (file) mkdirSync(dirname(file), { recursive: true });
}
