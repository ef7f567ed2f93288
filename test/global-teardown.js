/** Removes the temporary folder of test databases made by global-setup.js. */
const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const dir = process.env.CRASHLOOP_TEST_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
