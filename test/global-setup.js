/**
 * Jest global setup: migrate one throw-away SQLite template database with the project's offline
 * Prisma migrator. Tests copy it (test/support/test-database.ts), so each gets a fresh, migrated file.
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

module.exports = async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'crashloop-test-'));
  const template = join(dir, 'template.db');
  execFileSync(process.execPath, ['scripts/prisma-offline.mjs', 'migrate-deploy'], {
    cwd: resolve(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: 'pipe',
  });
  // Workers are started after global setup and inherit this environment.
  process.env.CRASHLOOP_TEST_DIR = dir;
  process.env.CRASHLOOP_TEST_DB_TEMPLATE = template;
};
