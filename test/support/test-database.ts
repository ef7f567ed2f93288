import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/** A fresh migrated SQLite file (a copy of the global-setup template), as a `file:` URL with an absolute path. */
export function freshDatabaseUrl(): string {
  const template = process.env.CRASHLOOP_TEST_DB_TEMPLATE;
  const dir = process.env.CRASHLOOP_TEST_DIR;
  if (!template || !dir) throw new Error('test/global-setup.js did not run (CRASHLOOP_TEST_DB_TEMPLATE is unset)');
  const file = join(dir, `${randomUUID()}.db`);
  copyFileSync(template, file);
  return `file:${file}`;
}
