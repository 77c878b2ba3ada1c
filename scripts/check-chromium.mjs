// Fails early, with the fix, when the browser tests have no browser to run in.
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium-path.mjs';

if (!existsSync(CHROMIUM_PATH)) {
  console.error(
    `Chromium was not found at ${CHROMIUM_PATH}; the browser tests need Debian's chromium-headless-shell.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium-headless-shell\n' +
      '(or point CHROMIUM_PATH at a Chromium binary).',
  );
  process.exit(1);
}
